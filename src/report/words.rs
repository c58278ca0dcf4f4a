//! The names the report gives its bands, outcomes and quadrants, in English, German,
//! French and Spanish ([`Band::name`], [`Outcome::name`], [`Quadrant::name`]), and the
//! words of the terminal report ([`super::plain`]) and the names of the comment themes
//! ([`theme_name`]).

use super::priority::Quadrant;
use super::{Band, Outcome};
use crate::lang::{catalog, Catalog, Lang};
use crate::text::Theme;

catalog! {
    /// Names of bands, outcomes and quadrants.
    pub(crate) enum Names {
        Strong { en: "Strong", de: "Stark", fr: "Fort", es: "Fuerte" },
        Favourable { en: "Favourable", de: "Positiv", fr: "Favorable", es: "Favorable" },
        Mixed { en: "Mixed", de: "Gemischt", fr: "Mitigé", es: "Mixto" },
        Unfavourable { en: "Unfavourable", de: "Negativ", fr: "Défavorable", es: "Desfavorable" },
        Critical { en: "Critical", de: "Kritisch", fr: "Critique", es: "Crítico" },
        Recommend {
            en: "Would recommend the security team (security NPS)",
            de: "Würde das Sicherheitsteam empfehlen (Sicherheits-NPS)",
            fr: "Recommanderait l’équipe sécurité (NPS sécurité)",
            es: "Recomendaría al equipo de seguridad (NPS de seguridad)",
        },
        SaysNoOffersOptions {
            en: "Says no \u{2194} offers options",
            de: "Sagt Nein \u{2194} bietet Möglichkeiten an",
            fr: "Dit non \u{2194} propose des solutions",
            es: "Dice que no \u{2194} ofrece opciones",
        },
        FixFirst { en: "Fix first", de: "Zuerst angehen", fr: "À traiter d’abord", es: "Atender primero" },
        Keep { en: "Keep", de: "Beibehalten", fr: "À maintenir", es: "Mantener" },
        Watch { en: "Watch", de: "Beobachten", fr: "À surveiller", es: "Vigilar" },
        LowerPriority { en: "Lower priority", de: "Geringere Priorität", fr: "Moins prioritaire", es: "Menor prioridad" },
    }
}

/// `text` (a name or a pole's words) as written mid-sentence: lower case, except in German,
/// whose nouns keep their capitals ("Sagt immer Nein").
pub(crate) fn mid_sentence(lang: Lang, text: &str) -> String {
    match lang {
        Lang::De => text.to_string(),
        Lang::En | Lang::Fr | Lang::Es => text.to_lowercase(),
    }
}

catalog! {
    /// The names of the comment themes.
    pub(crate) enum Themes {
        SaysNo { en: "says no", de: "Sagt Nein", fr: "dit non", es: "dice que no" },
        OffersOptions { en: "offers options", de: "Bietet Möglichkeiten an", fr: "propose des solutions", es: "ofrece opciones" },
        Bottleneck { en: "bottleneck", de: "Engpass", fr: "goulot d’étranglement", es: "cuello de botella" },
        Approachability { en: "approachability", de: "Nahbarkeit", fr: "accessibilité", es: "cercanía" },
        Arrogance { en: "arrogance", de: "Arroganz", fr: "arrogance", es: "arrogancia" },
        Communication { en: "communication", de: "Kommunikation", fr: "communication", es: "comunicación" },
        Care { en: "care", de: "Fürsorge", fr: "bienveillance", es: "cuidado" },
        Training { en: "training", de: "Schulung", fr: "formation", es: "formación" },
        IncidentResponse { en: "incident response", de: "Vorfallbearbeitung", fr: "réponse aux incidents", es: "respuesta a incidentes" },
        Leadership { en: "leadership", de: "Führung", fr: "direction", es: "liderazgo" },
        Compliance { en: "compliance", de: "Compliance", fr: "conformité", es: "cumplimiento" },
        Tooling { en: "tooling", de: "Werkzeuge", fr: "outils", es: "herramientas" },
    }
}

catalog! {
    /// The terminal report's words ([`super::plain`]).
    pub(crate) enum Plain {
        SuppressedFewer {
            en: "suppressed (fewer than {k} people)",
            de: "ausgeblendet (weniger als {k} Personen)",
            fr: "masqué (moins de {k} personnes)",
            es: "oculto (menos de {k} personas)",
        },
        Suppressed { en: "suppressed", de: "ausgeblendet", fr: "masqué", es: "oculto" },
        CommentShares {
            en: "positive {positive} \u{b7} mixed {mixed} \u{b7} neutral {neutral} \u{b7} negative {negative} | enabler {enabler} \u{b7} blocker {blocker} | {themes}",
            de: "positiv {positive} \u{b7} gemischt {mixed} \u{b7} neutral {neutral} \u{b7} negativ {negative} | ermöglichend {enabler} \u{b7} blockierend {blocker} | {themes}",
            fr: "positif {positive} \u{b7} mitigé {mixed} \u{b7} neutre {neutral} \u{b7} négatif {negative} | facilitateur {enabler} \u{b7} bloquant {blocker} | {themes}",
            es: "positivo {positive} \u{b7} mixto {mixed} \u{b7} neutro {neutral} \u{b7} negativo {negative} | facilitador {enabler} \u{b7} obstáculo {blocker} | {themes}",
        },
        Estimated {
            en: "estimated {share} (95% CI {lo}\u{2013}{hi}%, {wider}\u{d7} wider than asking directly), n = {n}",
            de: "geschätzt {share} (95-%-KI {lo}\u{2013}{hi}\u{a0}%, {wider}\u{d7} breiter als bei direkter Frage), n = {n}",
            fr: "estimé à {share} (IC à 95\u{202f}% {lo}\u{2013}{hi}\u{202f}%, {wider}\u{d7} plus large qu’une question directe), n = {n}",
            es: "estimado {share} (IC del 95\u{a0}% {lo}\u{2013}{hi}\u{a0}%, {wider}\u{d7} más amplio que una pregunta directa), n = {n}",
        },
        NotShownTooFew {
            en: "not shown (too few answers)",
            de: "nicht gezeigt (zu wenige Antworten)",
            fr: "non affiché (trop peu de réponses)",
            es: "no se muestra (muy pocas respuestas)",
        },
        Sensitive {
            en: "Sensitive question, randomized response: \"{text}\"\n  all respondents: {all}",
            de: "Heikle Frage, Randomized-Response-Verfahren: \u{201e}{text}\u{201c}\n  alle Teilnehmenden: {all}",
            fr: "Question sensible, réponse randomisée\u{a0}: «\u{a0}{text}\u{a0}»\n  tous les répondants\u{a0}: {all}",
            es: "Pregunta delicada, respuesta aleatorizada: «{text}»\n  todos los participantes: {all}",
        },
        FewComments {
            en: "Comments \"{text}\": fewer than {k} comments, not shown.",
            de: "Kommentare \u{201e}{text}\u{201c}: weniger als {k} Kommentare, nicht gezeigt.",
            fr: "Commentaires «\u{a0}{text}\u{a0}»\u{a0}: moins de {k} commentaires, non affichés.",
            es: "Comentarios «{text}»: menos de {k} comentarios, no se muestran.",
        },
        Comments {
            en: "Comments \"{text}\" ({n} comments)",
            de: "Kommentare \u{201e}{text}\u{201c} ({n} Kommentare)",
            fr: "Commentaires «\u{a0}{text}\u{a0}» ({n} commentaires)",
            es: "Comentarios «{text}» ({n} comentarios)",
        },
        ByColumn { en: "by {column}:", de: "nach {column}:", fr: "par {column}\u{a0}:", es: "por {column}:" },
        DriversHidden {
            en: "What drives \"{outcome}\": not shown (needs at least {k} complete respondents)",
            de: "Was \u{201e}{outcome}\u{201c} bestimmt: nicht gezeigt (braucht mindestens {k} vollständige Teilnehmende)",
            fr: "Ce qui détermine «\u{a0}{outcome}\u{a0}»\u{a0}: non affiché (il faut au moins {k} répondants complets)",
            es: "Qué determina «{outcome}»: no se muestra (necesita al menos {k} participantes completos)",
        },
        Drivers {
            en: "What drives \"{outcome}\" (Johnson's relative weights, {n} complete respondents; the dimensions explain {r2}%, 95% CI {ci})",
            de: "Was \u{201e}{outcome}\u{201c} bestimmt (relative Gewichte nach Johnson, {n} vollständige Teilnehmende; die Dimensionen erklären {r2}\u{a0}%, 95-%-KI {ci})",
            fr: "Ce qui détermine «\u{a0}{outcome}\u{a0}» (poids relatifs de Johnson, {n} répondants complets\u{202f}; les dimensions expliquent {r2}\u{202f}%, IC à 95\u{202f}% {ci})",
            es: "Qué determina «{outcome}» (pesos relativos de Johnson, {n} participantes completos; las dimensiones explican el {r2}\u{a0}%, IC del 95\u{a0}% {ci})",
        },
        Dimension { en: "Dimension", de: "Dimension", fr: "Dimension", es: "Dimensión" },
        Score { en: "Score", de: "Wert", fr: "Score", es: "Valor" },
        Importance { en: "Importance", de: "Wichtigkeit", fr: "Importance", es: "Importancia" },
        Ci { en: "95% CI", de: "95-%-KI", fr: "IC 95\u{202f}%", es: "IC 95\u{a0}%" },
        Priority { en: "Priority", de: "Priorität", fr: "Priorité", es: "Prioridad" },
        Cuts {
            en: "(important: above an equal share, {share}; weak: below the mean score, {score})",
            de: "(wichtig: über einem gleichen Anteil, {share}; schwach: unter dem mittleren Wert, {score})",
            fr: "(important\u{a0}: au-dessus d’une part égale, {share}\u{202f}; faible\u{a0}: sous le score moyen, {score})",
            es: "(importante: por encima de una parte igual, {share}; débil: por debajo de la puntuación media, {score})",
        },
        ResponseRate {
            en: "Response rate (respondents \u{f7} headcount; groups under {k} people show \"< {k}\")",
            de: "Rücklaufquote (Teilnehmende \u{f7} Personenzahl; Gruppen unter {k} Personen zeigen \u{201e}< {k}\u{201c})",
            fr: "Taux de réponse (répondants \u{f7} effectif\u{202f}; les groupes de moins de {k} personnes affichent «\u{a0}< {k}\u{a0}»)",
            es: "Tasa de respuesta (participantes \u{f7} plantilla; los grupos de menos de {k} personas muestran «< {k}»)",
        },
        Group { en: "Group", de: "Gruppe", fr: "Groupe", es: "Grupo" },
        Headcount { en: "Headcount", de: "Personen", fr: "Effectif", es: "Plantilla" },
        Respondents { en: "Respondents", de: "Teilnehmende", fr: "Répondants", es: "Participantes" },
        Rate { en: "Rate", de: "Quote", fr: "Taux", es: "Tasa" },
        Everyone { en: "Everyone", de: "Alle", fr: "Tout le monde", es: "Todos" },
        TooFewRespondents {
            en: "Fewer than {k} respondents: nothing can be shown without risking anonymity.",
            de: "Weniger als {k} Teilnehmende: Ohne Risiko für die Anonymität lässt sich nichts zeigen.",
            fr: "Moins de {k} répondants\u{a0}: rien ne peut être affiché sans risquer l’anonymat.",
            es: "Menos de {k} participantes: no se puede mostrar nada sin poner en riesgo el anonimato.",
        },
        RespondentsLine {
            en: "Respondents: {n}   minimum group size: {k}",
            de: "Teilnehmende: {n}   Mindestgruppengröße: {k}",
            fr: "Répondants\u{a0}: {n}   taille minimale des groupes\u{a0}: {k}",
            es: "Participantes: {n}   tamaño mínimo de grupo: {k}",
        },
        Band { en: "Band", de: "Stufe", fr: "Niveau", es: "Nivel" },
        Overall { en: "Overall (0\u{2013}100)", de: "Gesamt (0\u{2013}100)", fr: "Global (0\u{2013}100)", es: "Global (0\u{2013}100)" },
        Nps {
            en: "Security NPS (\u{2212}100\u{2026}100)",
            de: "Sicherheits-NPS (\u{2212}100\u{2026}100)",
            fr: "NPS sécurité (\u{2212}100\u{2026}100)",
            es: "NPS de seguridad (\u{2212}100\u{2026}100)",
        },
        NpsShares {
            en: "promoters {promoters} \u{b7} passives {passives} \u{b7} detractors {detractors}",
            de: "Promotoren {promoters} \u{b7} Passive {passives} \u{b7} Kritiker {detractors}",
            fr: "promoteurs {promoters} \u{b7} passifs {passives} \u{b7} détracteurs {detractors}",
            es: "promotores {promoters} \u{b7} pasivos {passives} \u{b7} detractores {detractors}",
        },
        BalanceShares {
            en: "{left} {left_share} \u{b7} middle {middle_share} \u{b7} {right} {right_share}",
            de: "{left} {left_share} \u{b7} Mitte {middle_share} \u{b7} {right} {right_share}",
            fr: "{left} {left_share} \u{b7} milieu {middle_share} \u{b7} {right} {right_share}",
            es: "{left} {left_share} \u{b7} centro {middle_share} \u{b7} {right} {right_share}",
        },
        Fav { en: "Fav", de: "Pos", fr: "Fav", es: "Fav" },
        Neu { en: "Neu", de: "Neut.", fr: "Neut.", es: "Neut." },
        Unf { en: "Unf", de: "Neg", fr: "Déf", es: "Desf" },
        LowReliability {
            en: "(low: items may not measure one thing)",
            de: "(niedrig: die Aussagen messen vielleicht nicht dasselbe)",
            fr: "(faible\u{a0}: les affirmations ne mesurent peut-être pas une même chose)",
            es: "(baja: puede que las afirmaciones no midan lo mismo)",
        },
        Item { en: "Item", de: "Nr.", fr: "Item", es: "Ítem" },
        Mean { en: "Mean", de: "Mittel", fr: "Moyenne", es: "Media" },
        Statement { en: "Statement", de: "Aussage", fr: "Affirmation", es: "Afirmación" },
        Chosen {
            en: "Chosen options of {id} (% of those who answered; n = {n})",
            de: "Gewählte Optionen von {id} (% der Antwortenden; n = {n})",
            fr: "Options choisies pour {id} (% des répondants à la question\u{202f}; n = {n})",
            es: "Opciones elegidas en {id} (% de quienes respondieron; n = {n})",
        },
        Ranking {
            en: "Ranking {id} (Borda points; n = {n})",
            de: "Rangfolge {id} (Borda-Punkte; n = {n})",
            fr: "Classement {id} (points de Borda\u{202f}; n = {n})",
            es: "Clasificación {id} (puntos Borda; n = {n})",
        },
        RankedFirst {
            en: "{points} points, ranked first by {share}",
            de: "{points} Punkte, auf Platz 1 bei {share}",
            fr: "{points} points, classé premier par {share}",
            es: "{points} puntos, en primer lugar para el {share}",
        },
        VsRest { en: "vs rest", de: "ggü. Rest", fr: "écart", es: "vs resto" },
        Balance { en: "Balance", de: "Nein\u{2194}Opt.", fr: "Non\u{2194}opt.", es: "No\u{2194}opc." },
        By {
            en: "By {column} (* = differs from everyone else, Welch p < .05)",
            de: "Nach {column} (* = unterscheidet sich von allen anderen, Welch p < 0,05)",
            fr: "Par {column} (* = diffère de tous les autres, Welch p < 0,05)",
            es: "Por {column} (* = difiere de todos los demás, Welch p < 0,05)",
        },
        ByWave { en: "By wave ({column})", de: "Nach Runde ({column})", fr: "Par vague ({column})", es: "Por ronda ({column})" },
        WaveChange {
            en: "{from} \u{2192} {to}: overall {delta} points (95% CI {lo} to {hi}, {p})",
            de: "{from} \u{2192} {to}: gesamt {delta} Punkte (95-%-KI {lo} bis {hi}, {p})",
            fr: "{from} \u{2192} {to}\u{a0}: global {delta} points (IC à 95\u{202f}% {lo} à {hi}, {p})",
            es: "{from} \u{2192} {to}: global {delta} puntos (IC del 95\u{a0}% {lo} a {hi}, {p})",
        },
        PriorityFor {
            en: "Priority for \"{outcome}\" ({n} complete respondents):",
            de: "Priorität für \u{201e}{outcome}\u{201c} ({n} vollständige Teilnehmende):",
            fr: "Priorités pour «\u{a0}{outcome}\u{a0}» ({n} répondants complets)\u{a0}:",
            es: "Prioridad para «{outcome}» ({n} participantes completos):",
        },
        PBelow { en: "p < .001", de: "p < 0,001", fr: "p < 0,001", es: "p < 0,001" },
    }
}

/// The name of comment theme `id` (e.g. "says_no") in `lang`; an unknown id as written.
pub(crate) fn theme_name(id: &str, lang: Lang) -> String {
    let word = match Theme::ALL.iter().find(|t| t.as_str() == id) {
        Some(Theme::SaysNo) => Themes::SaysNo,
        Some(Theme::OffersOptions) => Themes::OffersOptions,
        Some(Theme::Bottleneck) => Themes::Bottleneck,
        Some(Theme::Approachability) => Themes::Approachability,
        Some(Theme::Arrogance) => Themes::Arrogance,
        Some(Theme::Communication) => Themes::Communication,
        Some(Theme::Care) => Themes::Care,
        Some(Theme::Training) => Themes::Training,
        Some(Theme::IncidentResponse) => Themes::IncidentResponse,
        Some(Theme::Leadership) => Themes::Leadership,
        Some(Theme::Compliance) => Themes::Compliance,
        Some(Theme::Tooling) => Themes::Tooling,
        None => return id.replace('_', " "),
    };
    word.text(lang)
}

impl Band {
    /// The band's name in `lang`: "Favourable", "Positiv", "Favorable".
    pub fn name(self, lang: Lang) -> String {
        match self {
            Band::Strong => Names::Strong,
            Band::Favourable => Names::Favourable,
            Band::Mixed => Names::Mixed,
            Band::Unfavourable => Names::Unfavourable,
            Band::Critical => Names::Critical,
        }
        .text(lang)
    }
}

impl Outcome {
    /// The outcome's name in `lang`.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Outcome::Nps => Names::Recommend,
            Outcome::Balance => Names::SaysNoOffersOptions,
        }
        .text(lang)
    }
}

impl Quadrant {
    /// The quadrant's name in `lang`: "Fix first", "Zuerst angehen".
    pub fn name(self, lang: Lang) -> String {
        match self {
            Quadrant::FixFirst => Names::FixFirst,
            Quadrant::Keep => Names::Keep,
            Quadrant::Watch => Names::Watch,
            Quadrant::LowerPriority => Names::LowerPriority,
        }
        .text(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::check_catalog;

    #[test]
    fn every_message_has_all_languages_and_the_same_placeholders() {
        assert_eq!(check_catalog(Names::ALL), Vec::<String>::new());
        assert_eq!(check_catalog(Themes::ALL), Vec::<String>::new());
        assert_eq!(check_catalog(Plain::ALL), Vec::<String>::new());
    }

    #[test]
    fn english_theme_names_are_the_ids_in_words() {
        for t in Theme::ALL {
            assert_eq!(theme_name(t.as_str(), Lang::En), t.as_str().replace('_', " "));
        }
    }

    #[test]
    fn english_names_are_the_labels() {
        for b in [Band::Strong, Band::Favourable, Band::Mixed, Band::Unfavourable, Band::Critical] {
            assert_eq!(b.name(Lang::En), b.label());
        }
        for o in [Outcome::Nps, Outcome::Balance] {
            assert_eq!(o.name(Lang::En), o.label());
        }
        for q in Quadrant::ALL {
            assert_eq!(q.name(Lang::En), q.label());
        }
    }
}
