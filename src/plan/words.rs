//! The action plan's words in English, German, French and Spanish: the evidence that
//! triggered a practice, effort levels, comment themes, and the text and Markdown
//! renderings (comment themes are named by `report::words`). The practices' own texts are data: the library's `translations`.

use super::Effort;
use crate::lang::{catalog, Catalog, Lang};

catalog! {
    /// The action plan's messages.
    pub(crate) enum Words {
        Driver {
            en: "{name} is \u{201c}{quadrant}\u{201d} for \u{201c}{outcome}\u{201d}: score {score}, importance {importance}%{ci}",
            de: "{name} ist \u{201e}{quadrant}\u{201c} für \u{201e}{outcome}\u{201c}: Wert {score}, Wichtigkeit {importance}\u{a0}%{ci}",
            fr: "{name} est «\u{a0}{quadrant}\u{a0}» pour «\u{a0}{outcome}\u{a0}»\u{a0}: score {score}, importance {importance}\u{202f}%{ci}",
            es: "{name} está en «{quadrant}» para «{outcome}»: puntuación {score}, importancia {importance}\u{a0}%{ci}",
        },
        DriverCi {
            en: ", 95% CI {lo}\u{2013}{hi}%",
            de: ", 95-%-KI {lo}\u{2013}{hi}\u{a0}%",
            fr: ", IC à 95\u{202f}% {lo}\u{2013}{hi}\u{202f}%",
            es: ", IC del 95\u{a0}% {lo}\u{2013}{hi}\u{a0}%",
        },
        Item {
            en: "{id} \u{201c}{text}\u{201d}: {share} favourable (all items: {average})",
            de: "{id} \u{201e}{text}\u{201c}: {share} positiv (alle Aussagen: {average})",
            fr: "{id} «\u{a0}{text}\u{a0}»\u{a0}: {share} favorable (toutes les affirmations\u{a0}: {average})",
            es: "{id} «{text}»: {share} favorable (todas las afirmaciones: {average})",
        },
        ThemeShare {
            en: "{count} comments of {n} ({share}) on \u{201c}{question}\u{201d} are about {theme}",
            de: "{count} von {n} Kommentaren ({share}) zu \u{201e}{question}\u{201c} betreffen das Thema \u{201e}{theme}\u{201c}",
            fr: "{count} commentaires sur {n} ({share}) à «\u{a0}{question}\u{a0}» portent sur le thème «\u{a0}{theme}\u{a0}»",
            es: "{count} de {n} comentarios ({share}) sobre «{question}» tratan el tema «{theme}»",
        },
        Low { en: "low", de: "gering", fr: "faible", es: "bajo" },
        Medium { en: "medium", de: "mittel", fr: "moyen", es: "medio" },
        High { en: "high", de: "hoch", fr: "élevé", es: "alto" },
        NothingTriggered {
            en: "Nothing in the released results triggers a practice of {library}.",
            de: "Nichts in den freigegebenen Ergebnissen löst eine Maßnahme aus {library} aus.",
            fr: "Rien dans les résultats publiés ne déclenche de pratique de {library}.",
            es: "Nada en los resultados publicados activa una práctica de {library}.",
        },
        TextHeader {
            en: "Action plan: the first {shown} of {triggered} practices triggered (library {library})",
            de: "Maßnahmenplan: die ersten {shown} von {triggered} ausgelösten Maßnahmen (Sammlung {library})",
            fr: "Plan d’action\u{a0}: les {shown} premières des {triggered} pratiques déclenchées (bibliothèque {library})",
            es: "Plan de acción: las primeras {shown} de {triggered} prácticas activadas (biblioteca {library})",
        },
        TextHeaderAll {
            en: "Action plan: all {triggered} practices triggered (library {library})",
            de: "Maßnahmenplan: alle {triggered} ausgelösten Maßnahmen (Sammlung {library})",
            fr: "Plan d’action\u{a0}: les {triggered} pratiques déclenchées (bibliothèque {library})",
            es: "Plan de acción: las {triggered} prácticas activadas (biblioteca {library})",
        },
        TextHeaderOnlyOne {
            en: "Action plan: the one practice triggered (library {library})",
            de: "Maßnahmenplan: die einzige ausgelöste Maßnahme (Sammlung {library})",
            fr: "Plan d’action\u{a0}: la seule pratique déclenchée (bibliothèque {library})",
            es: "Plan de acción: la única práctica activada (biblioteca {library})",
        },
        TextHeaderFirst {
            en: "Action plan: the first of {triggered} practices triggered (library {library})",
            de: "Maßnahmenplan: die erste von {triggered} ausgelösten Maßnahmen (Sammlung {library})",
            fr: "Plan d’action\u{a0}: la première des {triggered} pratiques déclenchées (bibliothèque {library})",
            es: "Plan de acción: la primera de {triggered} prácticas activadas (biblioteca {library})",
        },
        Meta {
            en: "{area}, effort {effort}, {points} points",
            de: "{area}, Aufwand {effort}, {points} Punkte",
            fr: "{area}, effort {effort}, {points} points",
            es: "{area}, esfuerzo {effort}, {points} puntos",
        },
        Why { en: "Why:", de: "Warum:", fr: "Pourquoi\u{a0}:", es: "Por qué:" },
        ThisMonth { en: "This month:", de: "Diesen Monat:", fr: "Ce mois-ci\u{a0}:", es: "Este mes:" },
        ByNextWave { en: "By next wave:", de: "Bis zur nächsten Runde:", fr: "D’ici la prochaine vague\u{a0}:", es: "Para la próxima ronda:" },
        Now { en: "now {share} favourable", de: "derzeit {share} positiv", fr: "actuellement {share} favorable", es: "ahora {share} favorable" },
        AlsoTriggered {
            en: "Also triggered (lower ranks; --top 0 shows all): {list}",
            de: "Ebenfalls ausgelöst (niedrigere Ränge; --top 0 zeigt alle): {list}",
            fr: "Également déclenchées (rangs inférieurs\u{202f}; --top 0 les affiche toutes)\u{a0}: {list}",
            es: "También activadas (puestos inferiores; --top 0 las muestra todas): {list}",
        },
        NotTriggered { en: "Not triggered: {list}", de: "Nicht ausgelöst: {list}", fr: "Non déclenchées\u{a0}: {list}", es: "No activadas: {list}" },
        Title { en: "Action plan", de: "Maßnahmenplan", fr: "Plan d’action", es: "Plan de acción" },
        Ranked {
            en: "Library: {library}. Ranked from the priority matrix, weak items and comment themes.",
            de: "Sammlung: {library}. Geordnet nach der Prioritätenmatrix, schwachen Aussagen und Kommentarthemen.",
            fr: "Bibliothèque\u{a0}: {library}. Classement d’après la matrice des priorités, les affirmations faibles et les thèmes des commentaires.",
            es: "Biblioteca: {library}. Ordenado según la matriz de prioridades, las afirmaciones débiles y los temas de los comentarios.",
        },
        WhyHere { en: "Why it is here:", de: "Warum sie hier steht:", fr: "Pourquoi elle figure ici\u{a0}:", es: "Por qué está aquí:" },
    }
}

impl Effort {
    /// Plain-language name in `lang`: "low", "gering", "faible", "bajo".
    pub fn name(self, lang: Lang) -> String {
        match self {
            Effort::Low => Words::Low,
            Effort::Medium => Words::Medium,
            Effort::High => Words::High,
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
        assert_eq!(check_catalog(Words::ALL), Vec::<String>::new());
    }
}
