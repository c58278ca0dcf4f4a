//! The forms of e-mail addresses, phone numbers, ids, personal links and names that
//! comment redaction must catch (issue 11), and texts it must leave alone: one table row
//! per form. Each positive form is put in a sentence ("Ask … please."); the check is that
//! its marker is there, the identifying token is gone, and the innocent words stay. Each
//! negative text must come back unchanged.
//!
//! Deliberately left out (not redacted; also listed in docs/privacy.md, "Redaction"):
//! - `jdoe at corp.com`: the plain word "at", a one-word local part and only real dots
//!   reads like "posted at example.com"; it is caught when the local part has a `.`, `_`
//!   or digit (`jane.doe at corp.com`), or when a dot is spelt out or masked. The other
//!   way round, "look at example dot com" IS redacted as an address (the safe side).
//! - Spelt-out separators in other languages (`arroba`, `arobase`, `chez`, `punkt`, `point`).
//! - Bare user names and handles in running text (`jdoe`, `@jdoe said`): not told apart
//!   from ordinary words and mentions without a directory of user names.
//! - Initials and nicknames (`J. Doe`, `Bob S.`, `Bobby Smith`), and one part of a listed
//!   name alone (`Bob`, `Smith`): only whole listed names are matched (a single-word entry
//!   on the list is matched alone).
//! - A repository or project below an account (`github.com/jdoe/tools`): a person's account
//!   cannot be told from an organisation's (`github.com/owasp/asvs`), so only the profile
//!   page itself (`github.com/jdoe`) is redacted.
//! - Phone numbers in words or letters (`five five five …`, `1-800-FLOWERS`), with an
//!   extension (`x123` stays), or with letters for digits (`O` for `0`).
//! - Ids in other shapes than the patterns (`EMP #12345`, `E 123456`, `EMP/12345`): give
//!   `Redactor::with_id_patterns` the organisation's own patterns.
//! - Look-alikes outside the fold table (Cyrillic/Greek letters that look like no Latin
//!   letter, Latin small capitals, symbols such as `€` for `e`), and digits for letters
//!   other than 0 1 3 4 5 7, or in names with fewer than 2 real letters.
//! - Percent-encoding other than `%7E` (`~`) and `%40` (`@`) in paths (`/%75sers/jdoe`).
//! - Numeric `?id=` values (`?id=12345`, page ids), and `?id=` values with a run of 4 digits.

use secpulse::privacy::redact::Redactor;
use secpulse::report::RedactionCounts;

const BLOCK_LIST: &[&str] = &[
    "Zoë Müller",
    "Bob Smith",
    "Jane Doe",
    "Ørjan Lie",
    "Łukasz Nowak",
    "Alice Wong",
    "Olga Petrova",
    "Oksana",
    "Seán O'Brien",
    "Ștefan Ionescu",
    "Γιώργος Παππάς",
];

/// (form, marker it becomes, token that must be gone from the output)
const POSITIVE: &[(&str, &str, &str)] = &[
    // --- e-mail addresses ---
    ("jdoe@corp.com", "[email]", "jdoe"),
    ("jdoe [at] corp [dot] com", "[email]", "jdoe"),
    ("jdoe[at]corp[dot]com", "[email]", "jdoe"),
    ("jdoe (at) corp (dot) com", "[email]", "jdoe"),
    ("jdoe(at)corp(dot)com", "[email]", "jdoe"),
    ("jdoe {at} corp {dot} com", "[email]", "jdoe"),
    ("jdoe <at> corp <dot> com", "[email]", "jdoe"),
    ("jdoe [ at ] corp [ dot ] com", "[email]", "jdoe"),
    ("jdoe [AT] corp [DOT] com", "[email]", "jdoe"),
    ("jdoe AT corp DOT com", "[email]", "jdoe"),
    ("jdoe at corp dot com", "[email]", "jdoe"),
    ("jane dot doe at corp dot com", "[email]", "doe"),
    ("Jane Dot Doe At Corp Dot Com", "[email]", "Doe"),
    ("jane.doe at corp.com", "[email]", "jane"),
    ("jane_doe at corp.com", "[email]", "jane_doe"),
    ("jdoe2 at corp.com", "[email]", "jdoe2"),
    ("jdoe @ corp.com", "[email]", "jdoe"),
    ("jdoe @corp.com", "[email]", "jdoe"),
    ("jdoe@ corp.com", "[email]", "jdoe"),
    ("jdoe＠corp.com", "[email]", "jdoe"),
    ("ｊｄｏｅ＠ｃｏｒｐ．ｃｏｍ", "[email]", "ｊｄｏｅ"),
    ("jdoe﹫corp.com", "[email]", "jdoe"),
    ("jdoe-at-corp-dot-com", "[email]", "jdoe"),
    ("jdoe_at_corp_dot_com", "[email]", "jdoe"),
    ("jdoe [at] corp.com", "[email]", "jdoe"),
    ("jdoe@corp [dot] com", "[email]", "jdoe"),
    ("jdoe@corp dot com", "[email]", "jdoe"),
    ("jdoe [@] corp [.] com", "[email]", "jdoe"),
    ("jdoe (@) corp (.) com", "[email]", "jdoe"),
    ("jane [dot] doe [at] corp [dot] co [dot] uk", "[email]", "doe"),
    ("jane dot doe at mail dot corp dot co dot uk", "[email]", "doe"),
    ("jdоe@corp.com", "[email]", "jdоe"),
    ("јdoe@corp.com", "[email]", "јdoe"),
    ("jdoe@cоrp.com", "[email]", "jdoe"),
    ("jdoe@c0rp.com", "[email]", "jdoe"),
    ("j.d0e@corp.com", "[email]", "d0e"),
    ("jdoe\u{200b}@corp.com", "[email]", "jdoe"),
    ("jdoe\u{a0}[at]\u{a0}corp\u{a0}[dot]\u{a0}com", "[email]", "jdoe"),
    ("JDOE@CORP.COM", "[email]", "JDOE"),
    ("Jane.Doe+sec@Corp.Example.com", "[email]", "Doe"),
    ("jdoe%corp@gateway.corp.com", "[email]", "jdoe"),
    ("jdoe(at)corp.com", "[email]", "jdoe"),
    ("jdoe at corp dot co dot uk", "[email]", "jdoe"),
    ("zoe.muller at corp dot de", "[email]", "muller"),
    ("jdoe ＠ corp．com", "[email]", "jdoe"),
    ("jdoe (at) corp (dot) example (dot) org", "[email]", "jdoe"),
    ("jdoe{at}corp{dot}io", "[email]", "jdoe"),
    ("mailto:jdoe@corp.com", "[email]", "jdoe"),
    ("jdoe @ corp . com", "[email]", "jdoe"),
    ("jdoe at corp . com", "[email]", "jdoe"),
    ("jdoe at corp(dot)com", "[email]", "jdoe"),
    ("(jdoe [at] corp [dot] com)", "[email]", "jdoe"),
    ("𝐣𝐝𝐨𝐞@corp.com", "[email]", "𝐣𝐝𝐨𝐞"),
    ("jdoe\u{3000}[at]\u{3000}corp\u{3000}[dot]\u{3000}com", "[email]", "jdoe"),
    ("JDoe\u{202f}(at)\u{202f}Corp\u{202f}(dot)\u{202f}com", "[email]", "JDoe"),
    ("jdoe[at]corp[dot]com,", "[email]", "jdoe"),
    // --- phone numbers ---
    ("+33 1 23 45 67 89", "[phone]", "45 67 89"),
    ("+33 (0)1 23 45 67 89", "[phone]", "45 67 89"),
    ("0033 1 23 45 67 89", "[phone]", "45 67 89"),
    ("+33\u{a0}1\u{a0}23\u{a0}45\u{a0}67\u{a0}89", "[phone]", "45\u{a0}67"),
    ("+33\u{202f}1\u{202f}23\u{202f}45\u{202f}67\u{202f}89", "[phone]", "45\u{202f}67"),
    ("+44\u{a0}20\u{a0}7946\u{a0}0958", "[phone]", "7946"),
    ("＋４４ ２０ ７９４６ ０９５８", "[phone]", "７９４６"),
    ("555–123–4567", "[phone]", "4567"),
    ("555‑123‑4567", "[phone]", "4567"),
    ("(555) 123‑4567", "[phone]", "4567"),
    ("+1 555 123 4567", "[phone]", "4567"),
    ("+49 30 1234567", "[phone]", "1234567"),
    ("+49 (0)30 1234567", "[phone]", "1234567"),
    ("+31 6 12345678", "[phone]", "12345678"),
    ("+32 2 123 45 67", "[phone]", "45 67"),
    ("+39 06 1234 5678", "[phone]", "5678"),
    ("+34 912 345 678", "[phone]", "345 678"),
    ("+41 44 668 18 00", "[phone]", "668 18"),
    ("+353 1 234 5678", "[phone]", "5678"),
    ("+46 8 123 456 78", "[phone]", "456 78"),
    ("+61 2 1234 5678", "[phone]", "5678"),
    ("+81 3-1234-5678", "[phone]", "5678"),
    ("+7 495 123-45-67", "[phone]", "123-45-67"),
    ("+33.1.23.45.67.89", "[phone]", "45.67.89"),
    ("+33-1-23-45-67-89", "[phone]", "45-67-89"),
    ("01 23 45 67 89", "[phone]", "45 67 89"),
    ("01\u{a0}23\u{a0}45\u{a0}67\u{a0}89", "[phone]", "67\u{a0}89"),
    ("030 1234567", "[phone]", "1234567"),
    ("020 7946 0958", "[phone]", "7946"),
    ("+44 7911 123456", "[phone]", "123456"),
    ("07911\u{a0}123456", "[phone]", "123456"),
    ("+1 (555) 123-4567", "[phone]", "4567"),
    ("555.123.4567", "[phone]", "4567"),
    ("tel:+33123456789", "[phone]", "33123456789"),
    ("+33 6 12 34 56 78", "[phone]", "34 56 78"),
    ("0６ 12 34 56 78", "[phone]", "34 56 78"),
    ("+90 212 123 45 67", "[phone]", "123 45 67"),
    ("+48 22 123 45 67", "[phone]", "123 45 67"),
    ("+420 123 456 789", "[phone]", "456 789"),
    ("+1\u{2007}555\u{2007}123\u{2007}4567", "[phone]", "4567"),
    ("+44\u{2009}20\u{2009}7946\u{2009}0958", "[phone]", "7946"),
    ("０２０ ７９４６ ０９５８", "[phone]", "７９４６"),
    // --- employee ids ---
    ("EMP 12345", "[id]", "12345"),
    ("EMP–12345", "[id]", "12345"),
    ("EMP—12345", "[id]", "12345"),
    ("EMP‑12345", "[id]", "12345"),
    ("EMP_12345", "[id]", "12345"),
    ("emp-12345", "[id]", "12345"),
    ("EMP12345", "[id]", "12345"),
    ("E123456", "[id]", "123456"),
    ("ＥＭＰ－１２３４５", "[id]", "１２３４５"),
    ("ЕМР-12345", "[id]", "12345"),
    ("E１２３４５６", "[id]", "１２３４５６"),
    ("EMP\u{a0}12345", "[id]", "12345"),
    ("EMP−12345", "[id]", "12345"),
    ("(EMP 12345)", "[id]", "12345"),
    ("emp 54321,", "[id]", "54321"),
    ("Е123456", "[id]", "123456"),
    // --- personal links ---
    ("/%7Ejdoe", "[link]", "jdoe"),
    ("/~jdoe", "[link]", "jdoe"),
    ("https://corp.example/%7Ejdoe/", "[link]", "jdoe"),
    ("https://corp.example/%7ejdoe", "[link]", "jdoe"),
    ("https://corp.example/%40jdoe", "[link]", "jdoe"),
    ("https://corp.example/~jdoe", "[link]", "jdoe"),
    ("https://portal.corp/profile?u=jdoe", "[link]", "jdoe"),
    ("https://portal.corp/view?U=jdoe", "[link]", "jdoe"),
    ("https://portal.corp/view?id=jdoe", "[link]", "jdoe"),
    ("https://portal.corp/view?id=jane.doe&tab=2", "[link]", "jane.doe"),
    ("https://github.com/jdoe", "[link]", "jdoe"),
    ("github.com/jdoe", "[link]", "jdoe"),
    ("https://github.com/jdoe?tab=repositories", "[link]", "jdoe"),
    ("https://gitlab.com/jdoe", "[link]", "jdoe"),
    ("https://bitbucket.org/jdoe/", "[link]", "jdoe"),
    ("https://codeberg.org/jdoe", "[link]", "jdoe"),
    ("https://gist.github.com/jdoe/abc123", "[link]", "jdoe"),
    ("https://jdoe.github.io/blog", "[link]", "jdoe"),
    ("https://jdoe.gitlab.io", "[link]", "jdoe"),
    ("https://corp.slack.com/team/U012AB3CD", "[link]", "U012AB3CD"),
    ("https://app.slack.com/team/U012AB3CD", "[link]", "U012AB3CD"),
    ("https://teams.microsoft.com/l/chat/0/0?users=jdoe@corp.com", "[link]", "jdoe"),
    ("https://teams.microsoft.com/l/call/0/0?users=jdoe", "[link]", "jdoe"),
    ("https://www.linkedin.com/in/jane-doe-123", "[link]", "jane-doe"),
    ("linkedin.com/in/janedoe", "[link]", "janedoe"),
    ("https://de.linkedin.com/in/janedoe", "[link]", "janedoe"),
    ("https://www.linkedin.com/pub/jane-doe/1/2/3", "[link]", "jane-doe"),
    ("https://docs.google.com/document/d/1AbCdEfGh/edit", "[link]", "1AbCdEfGh"),
    ("https://docs.google.com/spreadsheets/d/1XyZ/edit#gid=0", "[link]", "1XyZ"),
    ("https://drive.google.com/file/d/1AbC/view", "[link]", "1AbC"),
    ("https://drive.google.com/drive/folders/1AbC", "[link]", "1AbC"),
    ("https://drive.google.com/open?id=1AbC", "[link]", "1AbC"),
    ("https://www.dropbox.com/s/abc123/cv.pdf?dl=0", "[link]", "abc123"),
    ("https://www.dropbox.com/scl/fi/abc123/notes.txt", "[link]", "abc123"),
    ("https://1drv.ms/u/s!AbC123", "[link]", "AbC123"),
    ("https://onedrive.live.com/?id=ABC123&cid=XYZ", "[link]", "ABC123"),
    ("https://corp-my.sharepoint.com/personal/jdoe_corp_com/Documents", "[link]", "jdoe_corp_com"),
    ("https://corp.sharepoint.com/personal/jdoe_corp_com", "[link]", "jdoe_corp_com"),
    ("https://twitter.com/jdoe", "[link]", "jdoe"),
    ("https://x.com/jdoe", "[link]", "jdoe"),
    ("https://t.me/jdoe", "[link]", "jdoe"),
    ("https://keybase.io/jdoe", "[link]", "jdoe"),
    ("https://zoom.us/my/jdoe", "[link]", "jdoe"),
    ("https://corp.zoom.us/my/jdoe", "[link]", "jdoe"),
    ("https://www.facebook.com/jdoe", "[link]", "jdoe"),
    ("https://instagram.com/jdoe", "[link]", "jdoe"),
    ("https://calendly.com/jdoe", "[link]", "jdoe"),
    ("https://ｇｉｔｈｕｂ．ｃｏｍ/jdoe", "[link]", "jdoe"),
    ("https://github.com/jdое", "[link]", "jdое"),
    ("https://wiki.corp/display/~jdoe", "[link]", "jdoe"),
    ("https://jira.corp/secure/ViewProfile.jspa?name=jdoe", "[link]", "jdoe"),
    ("https://wa.me/33123456789", "[link]", "33123456789"),
    ("https://medium.com/@jdoe", "[link]", "jdoe"),
    ("https://mastodon.social/@jdoe", "[link]", "jdoe"),
    ("https://www.npmjs.com/~jdoe", "[link]", "jdoe"),
    ("https://stackoverflow.com/users/12345/jdoe", "[link]", "jdoe"),
    ("https://hub.docker.com/u/jdoe", "[link]", "jdoe"),
    ("https://about.me/jdoe", "[link]", "jdoe"),
    ("https://gravatar.com/jdoe", "[link]", "jdoe"),
    ("HTTPS://GITHUB.COM/JDOE", "[link]", "JDOE"),
    // --- block-listed names ---
    ("Zoë Müller", "[name]", "Müller"),
    ("Zoe Muller", "[name]", "Muller"),
    ("ZOE MULLER", "[name]", "MULLER"),
    ("Zoe\u{308} Mu\u{308}ller", "[name]", "Mu\u{308}ller"),
    ("Zoë\u{a0}Müller", "[name]", "Müller"),
    ("Müller, Zoë", "[name]", "Müller"),
    ("Muller, Zoe", "[name]", "Muller"),
    ("Zoë-Müller", "[name]", "Müller"),
    ("Smith, Bob", "[name]", "Smith"),
    ("SMITH, BOB", "[name]", "SMITH"),
    ("Smith,Bob", "[name]", "Smith"),
    ("Smith Bob", "[name]", "Smith"),
    ("Bob Smith", "[name]", "Smith"),
    ("bob.smith", "[name]", "smith"),
    ("bob_smith", "[name]", "smith"),
    ("Bob  Smith", "[name]", "Smith"),
    ("Bob\nSmith", "[name]", "Smith"),
    ("Воb Smith", "[name]", "Воb"),
    ("Bоb Smіth", "[name]", "Smіth"),
    ("B0b Smith", "[name]", "B0b"),
    ("Bob Smith's", "[name]", "Smith"),
    ("J4ne D0e", "[name]", "D0e"),
    ("Jane Doe", "[name]", "Doe"),
    ("Doe, Jane", "[name]", "Doe"),
    ("jane doe", "[name]", "doe"),
    ("Jаne Dое", "[name]", "Dое"),
    ("Jαne Doe", "[name]", "Jαne"),
    ("Jane-Doe", "[name]", "Doe"),
    ("Jane Doe’s", "[name]", "Doe"),
    ("Orjan Lie", "[name]", "Orjan"),
    ("Ørjan Lie", "[name]", "Ørjan"),
    ("Lie, Ørjan", "[name]", "Ørjan"),
    ("Lukasz Nowak", "[name]", "Lukasz"),
    ("Łukasz Nowak", "[name]", "Łukasz"),
    ("Nowak, Lukasz", "[name]", "Nowak"),
    ("A1ice Wong", "[name]", "A1ice"),
    ("Alice W0ng", "[name]", "W0ng"),
    ("Ａｌｉｃｅ Ｗｏｎｇ", "[name]", "Ｗｏｎｇ"),
    ("0lga Petrova", "[name]", "0lga"),
    ("Ol\u{200b}ga Petrova", "[name]", "Petrova"),
    ("Petrova, Olga", "[name]", "Petrova"),
    ("Оksana", "[name]", "ksana"),
    ("OKSANA", "[name]", "OKSANA"),
    ("Sean O'Brien", "[name]", "Brien"),
    ("Seán O’Brien", "[name]", "Brien"),
    ("O'Brien, Sean", "[name]", "Brien"),
    ("Stefan Ionescu", "[name]", "Ionescu"),
    ("ŞTEFAN IONESCU", "[name]", "IONESCU"),
    ("Γιωργος Παππας", "[name]", "Παππας"),
    ("ΓΙΏΡΓΟΣ ΠΑΠΠΆΣ", "[name]", "ΠΑΠΠΆΣ"),
];

/// Texts that must come back unchanged.
const NEGATIVE: &[&str] = &[
    "at least 5 days",
    "we need at least 20 people at the table",
    "the dot-com era",
    "dot the i's and cross the t's",
    "v1.2.3",
    "version 1.2.3 or v2.10.4",
    "on 2024-01-15 and 15.01.2024",
    "from 2019–2024 it got better",
    "10–12 people",
    "from 9–5",
    "20 people",
    "the team",
    "the team at corp.com is great",
    "posted at example.com yesterday",
    "meet at noon. Then we left",
    "I met him at lunch. Dot said hi",
    "look at this",
    "we met at the office at 10",
    "a @ b",
    "user@localhost",
    "I'm at home",
    "Bob from IT helped",
    "Smith was mentioned",
    "Jane Austen novel",
    "Doe, a deer",
    "Zoe from sales",
    "Müller alone",
    "the ISO 27001 audit",
    "CVE-2024-1234",
    "CVE–2024–1234",
    "port 443",
    "TLS 1.3",
    "4/5",
    "E2E tests",
    "EMP 1234",
    "EMP 123456",
    "E12345",
    "https://github.com/features",
    "https://github.com/owasp/asvs",
    "https://github.com/security",
    "https://docs.google.com/",
    "https://www.dropbox.com/",
    "https://teams.microsoft.com/",
    "https://corp.slack.com/archives/C123",
    "https://example.com/?id=12345",
    "https://example.com/view?id=cve-2024-1234",
    "https://portal.corp/view?page=2",
    "https://example.com/users",
    "+33 is the code for France",
    "call 112 or 999",
    "1 2 3 4 5",
    "4 out of 5",
    "at 9:30",
    "room 1.23",
    "I'm AT the limit",
    "20 ppl at 5 sites",
    "£1 000 at 3%",
    "3.5 stars at best",
    "1st at 10, 2nd at 11",
    "a.b.c at the top",
    "email me at work",
    "ping me at 5",
    "SHA-256 and AES-256",
    "the 0day",
    "l33t n1ce",
    "B0b",
    "ﬁle at ﬁrst",
    "50% at most",
    "T-1000",
    "Windows 10.0.19045",
    "1.1.1.1 and 8.8.8.8",
    "/etc/passwd and /usr/local/bin",
    "and/or",
    "https://cve.mitre.org/cgi-bin/cvename.cgi?name=",
    "2FA at login",
    "MFA (at) least",
    "Zoë’s team",
    "the Doe–Smith report",
    "point at it",
    "we are at 95%",
    "10 000 employees",
    "ISO 27001:2022",
];

fn redactor() -> Redactor {
    Redactor::new(BLOCK_LIST)
}

fn count_of(c: &RedactionCounts, marker: &str) -> usize {
    match marker {
        "[email]" => c.emails,
        "[phone]" => c.phones,
        "[link]" => c.links,
        "[id]" => c.ids,
        "[name]" => c.names,
        other => panic!("unknown marker {other}"),
    }
}

#[test]
fn there_are_at_least_200_forms() {
    let total = POSITIVE.len() + NEGATIVE.len();
    assert!(total >= 200, "{total} forms");
    for marker in ["[email]", "[phone]", "[link]", "[id]", "[name]"] {
        assert!(POSITIVE.iter().filter(|f| f.1 == marker).count() >= 10, "few {marker} forms");
    }
}

#[test]
fn every_form_is_redacted_and_innocent_words_stay() {
    let r = redactor();
    let mut failures = Vec::new();
    for &(form, marker, token) in POSITIVE {
        assert!(form.contains(token), "token {token:?} not in form {form:?}");
        let text = format!("Ask {form} please.");
        let (out, counts) = r.redact(&text);
        let ok = out.contains(marker)
            && count_of(&counts, marker) == 1
            && counts.total() == 1
            && !out.contains(token)
            && out.starts_with("Ask ")
            && out.ends_with(" please.");
        if !ok {
            failures.push(format!("{form:?} -> {out:?} ({counts:?})"));
        }
    }
    assert!(failures.is_empty(), "{} of {} forms not redacted as expected:\n{}", failures.len(), POSITIVE.len(), failures.join("\n"));
}

#[test]
fn negatives_are_left_alone() {
    let r = redactor();
    let failures: Vec<String> = NEGATIVE
        .iter()
        .filter_map(|&text| {
            let (out, counts) = r.redact(text);
            (out != text || counts.total() != 0).then(|| format!("{text:?} -> {out:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} negatives changed:\n{}", failures.len(), NEGATIVE.len(), failures.join("\n"));
}

#[test]
fn output_is_the_original_text_outside_the_matches() {
    let r = redactor();
    // Full-width, no-break spaces and decomposed accents outside the matches are kept as written.
    let text = "Ｈｅｌｌｏ\u{a0}team — caf\u{65}\u{301}: write to jdoe [at] corp [dot] com or Zoe\u{308} Mu\u{308}ller… ＯＫ";
    let (out, c) = r.redact(text);
    assert_eq!(out, "Ｈｅｌｌｏ\u{a0}team — caf\u{65}\u{301}: write to [email] or [name]… ＯＫ");
    assert_eq!((c.emails, c.names, c.total()), (1, 1, 2));
    // Several forms in one comment, each replaced once.
    let (out, c) = r.redact("Smith, Bob (EMP–12345, +33 1 23 45 67 89, github.com/bsmith) said so");
    assert_eq!(out, "[name] ([id], [phone], [link]) said so");
    assert_eq!(c.total(), 4);
}

#[test]
fn name_list_entries_and_count() {
    let r = Redactor::new(&["Smith, Bob", "  ", "x", "Zoë Müller"]);
    assert_eq!(r.name_count(), 2);
    assert_eq!(r.redact("Bob Smith and Smith, Bob").0, "[name] and [name]");
    assert_eq!(Redactor::default().name_count(), 0);
    // A decomposed entry finds the composed name and the other way round.
    assert_eq!(Redactor::new(&["Zoe\u{308} Mu\u{308}ller"]).redact("Zoë Müller!").0, "[name]!");
    assert_eq!(Redactor::new(&["Zoë Müller"]).redact("Zoe\u{308} Mu\u{308}ller!").0, "[name]!");
}
