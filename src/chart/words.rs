//! Every word the charts write — titles, takeaways, data tables, legends, axis captions and
//! in-picture messages — in English, German, French and Spanish (chosen by
//! [`ChartOptions::lang`](super::ChartOptions::lang)), and the names of the report's labels
//! (comment themes, tones and stances) as charts show them; bands, quadrants and outcomes are
//! named by the report model (`Band::name`, `Quadrant::name`, `Outcome::name`).
//!
//! Quotes follow each language: English “…”, German „…“, French « … », Spanish «…».

use crate::lang::{catalog, Catalog, Lang};
use crate::text::{Sentiment, Stance, Theme};

catalog! {
    /// The charts' words.
    pub(crate) enum Words {
        // Shared by several charts.
        AllRespondents { en: "All respondents", de: "Alle Teilnehmenden", fr: "Tous les répondants", es: "Todos los participantes" },
        AllComments { en: "All comments", de: "Alle Kommentare", fr: "Tous les commentaires", es: "Todos los comentarios" },
        Group { en: "Group", de: "Gruppe", fr: "Groupe", es: "Grupo" },
        People { en: "People", de: "Personen", fr: "Personnes", es: "Personas" },
        Ci95 { en: "95% CI", de: "95-%-KI", fr: "IC à 95\u{202f}%", es: "IC del 95\u{a0}%" },
        DimensionColumn { en: "Dimension", de: "Dimension", fr: "Dimension", es: "Dimensión" },
        ScoreColumn { en: "Score", de: "Wert", fr: "Score", es: "Puntuación" },
        CommentsColumn { en: "Comments", de: "Kommentare", fr: "Commentaires", es: "Comentarios" },
        FewerAnswered {
            en: "Fewer than {k} people answered, so nothing is shown.",
            de: "Weniger als {k} Personen haben geantwortet, daher wird nichts angezeigt.",
            fr: "Moins de {k} personnes ont répondu\u{a0}: rien n’est affiché.",
            es: "Respondieron menos de {k} personas, así que no se muestra nada.",
        },
        Range { en: "{lo} to {hi}", de: "{lo} bis {hi}", fr: "{lo} à {hi}", es: "{lo} a {hi}" },
        Quoted { en: "\u{201c}{text}\u{201d}", de: "\u{201e}{text}\u{201c}", fr: "«\u{a0}{text}\u{a0}»", es: "«{text}»" },

        // Balance: says no ↔ offers options.
        BalanceTitle {
            en: "Does the security team say no, or offer options?",
            de: "Sagt das Sicherheitsteam Nein oder bietet es Möglichkeiten an?",
            fr: "L’équipe sécurité dit-elle non ou propose-t-elle des solutions\u{202f}?",
            es: "¿El equipo de seguridad dice que no u ofrece opciones?",
        },
        NoBalanceQuestion {
            en: "This survey has no \u{201c}says no \u{2194} offers options\u{201d} question.",
            de: "Diese Befragung hat keine Frage \u{201e}Sagt Nein \u{2194} bietet Möglichkeiten an\u{201c}.",
            fr: "Cette enquête ne contient pas de question «\u{a0}dit non \u{2194} propose des solutions\u{a0}».",
            es: "Esta encuesta no tiene la pregunta «dice que no \u{2194} ofrece opciones».",
        },
        NoBalance {
            en: "This survey has no balance question.",
            de: "Diese Befragung hat keine Frage zur Balance.",
            fr: "Cette enquête ne contient pas de question d’équilibre.",
            es: "Esta encuesta no tiene una pregunta de equilibrio.",
        },
        BalanceSplit {
            en: "{low} sees the team as most likely to say no ({low_score}); {high} sees the most options ({high_score}).",
            de: "{low} erlebt das Team am ehesten als Nein-Sager ({low_score}); {high} sieht die meisten Möglichkeiten ({high_score}).",
            fr: "{low} voit l’équipe comme la plus encline à dire non ({low_score})\u{202f}; {high} y voit le plus de solutions ({high_score}).",
            es: "{low} ve al equipo como el más propenso a decir que no ({low_score}); {high} ve más opciones ({high_score}).",
        },
        AllLeanYes {
            en: "Every group leans towards {yes}: {low} the least ({low_score}), {high} the most ({high_score}).",
            de: "Jede Gruppe neigt zu {yes}: {low} am wenigsten ({low_score}), {high} am stärksten ({high_score}).",
            fr: "Chaque groupe penche vers {yes}\u{a0}: {low} le moins ({low_score}), {high} le plus ({high_score}).",
            es: "Todos los grupos se inclinan hacia {yes}: {low} el que menos ({low_score}), {high} el que más ({high_score}).",
        },
        AllLeanNo {
            en: "Every group leans towards {no}: {low} the most ({low_score}), {high} the least ({high_score}).",
            de: "Jede Gruppe neigt zu {no}: {low} am stärksten ({low_score}), {high} am wenigsten ({high_score}).",
            fr: "Chaque groupe penche vers {no}\u{a0}: {low} le plus ({low_score}), {high} le moins ({high_score}).",
            es: "Todos los grupos se inclinan hacia {no}: {low} el que más ({low_score}), {high} el que menos ({high_score}).",
        },
        BalanceOverall {
            en: "Overall, people place the team at {score} on a scale from \u{2212}100 ({left}) to +100 ({right}).",
            de: "Insgesamt verorten die Teilnehmenden das Team bei {score} auf einer Skala von \u{2212}100 ({left}) bis +100 ({right}).",
            fr: "Dans l’ensemble, les répondants placent l’équipe à {score} sur une échelle de \u{2212}100 ({left}) à +100 ({right}).",
            es: "En conjunto, los participantes sitúan al equipo en {score} en una escala de \u{2212}100 ({left}) a +100 ({right}).",
        },
        BalanceCaption {
            en: "Balance from \u{2212}100 ({left}) to +100 ({right}); groups under {k} people are hidden.",
            de: "Balance von \u{2212}100 ({left}) bis +100 ({right}); Gruppen unter {k} Personen werden ausgeblendet.",
            fr: "Équilibre de \u{2212}100 ({left}) à +100 ({right})\u{202f}; les groupes de moins de {k} personnes sont masqués.",
            es: "Equilibrio de \u{2212}100 ({left}) a +100 ({right}); los grupos de menos de {k} personas se ocultan.",
        },
        BalanceCaptionBy {
            en: "Balance from \u{2212}100 ({left}) to +100 ({right}), by {column}; groups under {k} people are hidden.",
            de: "Balance von \u{2212}100 ({left}) bis +100 ({right}), nach {column}; Gruppen unter {k} Personen werden ausgeblendet.",
            fr: "Équilibre de \u{2212}100 ({left}) à +100 ({right}), par {column}\u{202f}; les groupes de moins de {k} personnes sont masqués.",
            es: "Equilibrio de \u{2212}100 ({left}) a +100 ({right}), por {column}; los grupos de menos de {k} personas se ocultan.",
        },
        BalanceColumn { en: "Balance", de: "Balance", fr: "Équilibre", es: "Equilibrio" },

        // Dimensions.
        DimensionsTitle {
            en: "How people rate the security team, by dimension (0\u{2013}100)",
            de: "Wie die Teilnehmenden das Sicherheitsteam bewerten, nach Dimension (0\u{2013}100)",
            fr: "Comment les répondants évaluent l’équipe sécurité, par dimension (0\u{2013}100)",
            es: "Cómo valoran los participantes al equipo de seguridad, por dimensión (0\u{2013}100)",
        },
        NoDimensions {
            en: "This survey has no scored dimensions.",
            de: "Diese Befragung hat keine bewerteten Dimensionen.",
            fr: "Cette enquête n’a pas de dimensions notées.",
            es: "Esta encuesta no tiene dimensiones puntuadas.",
        },
        StrongestWeakest {
            en: "Strongest: {high} ({high_score}, {high_band}). Weakest: {low} ({low_score}, {low_band}).",
            de: "Am stärksten: {high} ({high_score}, {high_band}). Am schwächsten: {low} ({low_score}, {low_band}).",
            fr: "Point le plus fort\u{a0}: {high} ({high_score}, {high_band}). Le plus faible\u{a0}: {low} ({low_score}, {low_band}).",
            es: "Lo más fuerte: {high} ({high_score}, {high_band}). Lo más débil: {low} ({low_score}, {low_band}).",
        },
        OnlyDimension {
            en: "{name} scores {score}.",
            de: "{name} erreicht {score}.",
            fr: "{name} obtient {score}.",
            es: "{name} obtiene {score}.",
        },
        DimensionsCaption {
            en: "Dimension scores from 0 (all unfavourable) to 100 (all favourable), with 95% confidence intervals.",
            de: "Werte der Dimensionen von 0 (alles negativ) bis 100 (alles positiv), mit 95-%-Konfidenzintervallen.",
            fr: "Scores des dimensions de 0 (tout défavorable) à 100 (tout favorable), avec intervalles de confiance à 95\u{202f}%.",
            es: "Puntuaciones de las dimensiones de 0 (todo desfavorable) a 100 (todo favorable), con intervalos de confianza del 95\u{a0}%.",
        },
        BandColumn { en: "Band", de: "Stufe", fr: "Niveau", es: "Nivel" },
        FavourableColumn { en: "% favourable", de: "% positiv", fr: "% favorable", es: "% favorable" },
        ReliabilityColumn { en: "Reliability (\u{3b1})", de: "Reliabilität (\u{3b1})", fr: "Fiabilité (\u{3b1})", es: "Fiabilidad (\u{3b1})" },
        LowReliability { en: "{alpha} (low)", de: "{alpha} (niedrig)", fr: "{alpha} (faible)", es: "{alpha} (baja)" },

        // Likert statements.
        LikertTitle {
            en: "What people agree and disagree with",
            de: "Wobei die Teilnehmenden zustimmen und wobei nicht",
            fr: "Ce avec quoi les répondants sont d’accord ou non",
            es: "Con qué están de acuerdo y en desacuerdo los participantes",
        },
        NoStatements {
            en: "This survey has no agree/disagree statements.",
            de: "Diese Befragung hat keine Aussagen zum Zustimmen oder Ablehnen.",
            fr: "Cette enquête ne contient pas d’affirmations d’accord ou de désaccord.",
            es: "Esta encuesta no tiene afirmaciones de acuerdo o desacuerdo.",
        },
        MostLeastFavourable {
            en: "Most favourable: {best} ({best_share} favourable). Least: {worst} ({worst_share}).",
            de: "Am positivsten: {best} ({best_share} positiv). Am wenigsten: {worst} ({worst_share}).",
            fr: "Le plus favorable\u{a0}: {best} ({best_share} favorable). Le moins\u{a0}: {worst} ({worst_share}).",
            es: "Lo más favorable: {best} ({best_share} favorable). Lo menos: {worst} ({worst_share}).",
        },
        LikertCaption {
            en: "Share of answers per statement, most favourable first. (R): negatively worded, so disagreeing counts as favourable.",
            de: "Anteil der Antworten je Aussage, die positivste zuerst. (R): negativ formuliert, daher zählt Ablehnung als positiv.",
            fr: "Part des réponses par affirmation, la plus favorable en premier. (R)\u{a0}: formulée négativement, le désaccord compte donc comme favorable.",
            es: "Proporción de respuestas por afirmación, la más favorable primero. (R): redactada en negativo, así que estar en desacuerdo cuenta como favorable.",
        },
        StatementColumn { en: "Statement", de: "Aussage", fr: "Affirmation", es: "Afirmación" },
        UnfavourableColumn { en: "% unfavourable", de: "% negativ", fr: "% défavorable", es: "% desfavorable" },
        NeutralColumn { en: "% neutral", de: "% neutral", fr: "% neutre", es: "% neutral" },
        Unfavourable { en: "Unfavourable", de: "Negativ", fr: "Défavorable", es: "Desfavorable" },
        NeutralAnswer { en: "Neutral", de: "Neutral", fr: "Neutre", es: "Neutral" },
        FavourableLegend {
            en: "Favourable (right column: % favourable)",
            de: "Positiv (rechte Spalte: % positiv)",
            fr: "Favorable (colonne de droite\u{a0}: % favorable)",
            es: "Favorable (columna derecha: % favorable)",
        },
        ReversedLegend {
            en: "(R) negatively worded: disagreeing is favourable",
            de: "(R) negativ formuliert: Ablehnung ist positiv",
            fr: "(R) formulée négativement\u{a0}: le désaccord est favorable",
            es: "(R) redactada en negativo: estar en desacuerdo es favorable",
        },

        // Heatmap.
        ChooseBreakdown {
            en: "Choose a column to break the results down by (for example department) to see this chart.",
            de: "Wählen Sie eine Spalte, nach der die Ergebnisse aufgeschlüsselt werden (zum Beispiel die Abteilung), um dieses Diagramm zu sehen.",
            fr: "Choisissez une colonne pour ventiler les résultats (par exemple le service) afin de voir ce graphique.",
            es: "Elija una columna para desglosar los resultados (por ejemplo, el departamento) y ver este gráfico.",
        },
        HeatmapTitleAny {
            en: "Scores by group and dimension",
            de: "Werte nach Gruppe und Dimension",
            fr: "Scores par groupe et par dimension",
            es: "Puntuaciones por grupo y dimensión",
        },
        NoBreakdown {
            en: "No breakdown chosen.",
            de: "Keine Aufschlüsselung gewählt.",
            fr: "Aucune ventilation choisie.",
            es: "No se ha elegido ningún desglose.",
        },
        HeatmapTitle {
            en: "Scores by {column} and dimension",
            de: "Werte nach {column} und Dimension",
            fr: "Scores par {column} et par dimension",
            es: "Puntuaciones por {column} y dimensión",
        },
        LowestHighest {
            en: "Lowest: {low} on {low_dimension} ({low_score}). Highest: {high} on {high_dimension} ({high_score}).",
            de: "Am niedrigsten: {low} bei {low_dimension} ({low_score}). Am höchsten: {high} bei {high_dimension} ({high_score}).",
            fr: "Le plus bas\u{a0}: {low} en {low_dimension} ({low_score}). Le plus haut\u{a0}: {high} en {high_dimension} ({high_score}).",
            es: "Lo más bajo: {low} en {low_dimension} ({low_score}). Lo más alto: {high} en {high_dimension} ({high_score}).",
        },
        NoGroupLargeEnough {
            en: "No group is large enough to show.",
            de: "Keine Gruppe ist groß genug, um angezeigt zu werden.",
            fr: "Aucun groupe n’est assez grand pour être affiché.",
            es: "Ningún grupo es lo bastante grande para mostrarse.",
        },
        GroupHidden {
            en: "{n} group is hidden (fewer than {k} people).",
            de: "{n} Gruppe ist ausgeblendet (weniger als {k} Personen).",
            fr: "{n} groupe est masqué (moins de {k} personnes).",
            es: "{n} grupo está oculto (menos de {k} personas).",
        },
        GroupsHidden {
            en: "{n} groups are hidden (fewer than {k} people).",
            de: "{n} Gruppen sind ausgeblendet (weniger als {k} Personen).",
            fr: "{n} groupes sont masqués (moins de {k} personnes).",
            es: "{n} grupos están ocultos (menos de {k} personas).",
        },
        HeatmapCaption {
            en: "Dimension scores (0\u{2013}100) by {column}; {hidden} marks groups too small to show.",
            de: "Werte der Dimensionen (0\u{2013}100) nach {column}; {hidden} kennzeichnet Gruppen, die zu klein zum Anzeigen sind.",
            fr: "Scores des dimensions (0\u{2013}100) par {column}\u{202f}; {hidden} signale les groupes trop petits pour être affichés.",
            es: "Puntuaciones de las dimensiones (0\u{2013}100) por {column}; {hidden} indica los grupos demasiado pequeños para mostrarse.",
        },
        TooFewPeople {
            en: "{hidden}: too few people to show",
            de: "{hidden}: zu wenige Personen zum Anzeigen",
            fr: "{hidden}\u{a0}: trop peu de personnes pour afficher",
            es: "{hidden}: muy pocas personas para mostrar",
        },

        // Trend.
        AddWaveColumn {
            en: "Add a wave column (for example \u{201c}wave\u{201d}) to compare survey rounds over time.",
            de: "Fügen Sie eine Spalte für die Befragungsrunde hinzu (zum Beispiel \u{201e}wave\u{201c}), um Runden über die Zeit zu vergleichen.",
            fr: "Ajoutez une colonne de vague (par exemple «\u{a0}wave\u{a0}») pour comparer les vagues d’enquête dans le temps.",
            es: "Añada una columna de ronda (por ejemplo, «wave») para comparar las rondas de la encuesta en el tiempo.",
        },
        TrendTitle {
            en: "How the scores changed between survey waves",
            de: "Wie sich die Werte zwischen den Befragungsrunden verändert haben",
            fr: "Comment les scores ont évolué d’une vague d’enquête à l’autre",
            es: "Cómo cambiaron las puntuaciones entre las rondas de la encuesta",
        },
        OneWave {
            en: "There is only one survey wave, so there is no trend yet.",
            de: "Es gibt nur eine Befragungsrunde, daher noch keinen Verlauf.",
            fr: "Il n’y a qu’une vague d’enquête\u{a0}: pas encore de tendance.",
            es: "Solo hay una ronda de la encuesta, así que aún no hay tendencia.",
        },
        TrendMoved {
            en: "From {from} to {to} the overall score moved {overall} points; {most} changed most ({most_change}), {least} least ({least_change}).",
            de: "Von {from} bis {to} hat sich der Gesamtwert um {overall} Punkte bewegt; {most} hat sich am stärksten verändert ({most_change}), {least} am wenigsten ({least_change}).",
            fr: "De {from} à {to}, le score global a bougé de {overall} points\u{202f}; {most} a le plus changé ({most_change}), {least} le moins ({least_change}).",
            es: "De {from} a {to}, la puntuación global se movió {overall} puntos; {most} cambió más ({most_change}) y {least} menos ({least_change}).",
        },
        TooSparse {
            en: "Scores from {from} to {to} are too sparse to compare.",
            de: "Die Werte von {from} bis {to} sind zu lückenhaft für einen Vergleich.",
            fr: "Les scores de {from} à {to} sont trop épars pour être comparés.",
            es: "Las puntuaciones de {from} a {to} son demasiado escasas para compararlas.",
        },
        OneLargeWave {
            en: "Only one wave has at least {k} people, so there is no trend yet.",
            de: "Nur eine Runde hat mindestens {k} Personen, daher gibt es noch keinen Verlauf.",
            fr: "Une seule vague compte au moins {k} personnes\u{a0}: pas encore de tendance.",
            es: "Solo una ronda tiene al menos {k} personas, así que aún no hay tendencia.",
        },
        TrendCaption {
            en: "Scores (0\u{2013}100) per {column}, with 95% confidence intervals.",
            de: "Werte (0\u{2013}100) je {column}, mit 95-%-Konfidenzintervallen.",
            fr: "Scores (0\u{2013}100) par {column}, avec intervalles de confiance à 95\u{202f}%.",
            es: "Puntuaciones (0\u{2013}100) por {column}, con intervalos de confianza del 95\u{a0}%.",
        },
        Overall { en: "Overall", de: "Gesamt", fr: "Global", es: "Global" },
        MeasureColumn { en: "Measure", de: "Messgröße", fr: "Mesure", es: "Medida" },
        WaveColumn { en: "Wave", de: "Runde", fr: "Vague", es: "Ronda" },

        // Security NPS.
        NoRecommendQuestion {
            en: "This survey has no \u{201c}would you recommend\u{201d} question.",
            de: "Diese Befragung hat keine Frage \u{201e}Würden Sie empfehlen\u{201c}.",
            fr: "Cette enquête ne contient pas de question «\u{a0}recommanderiez-vous\u{a0}».",
            es: "Esta encuesta no tiene la pregunta «¿lo recomendaría?».",
        },
        NpsLegend {
            en: "NPS = % promoters (9\u{2013}10) \u{2212} % detractors (0\u{2013}6)",
            de: "NPS = % Promotoren (9\u{2013}10) \u{2212} % Kritiker (0\u{2013}6)",
            fr: "NPS = % promoteurs (9\u{2013}10) \u{2212} % détracteurs (0\u{2013}6)",
            es: "NPS = % promotores (9\u{2013}10) \u{2212} % detractores (0\u{2013}6)",
        },
        MoreDetractors { en: "\u{2190} More detractors", de: "\u{2190} Mehr Kritiker", fr: "\u{2190} Plus de détracteurs", es: "\u{2190} Más detractores" },
        MorePromoters { en: "More promoters \u{2192}", de: "Mehr Promotoren \u{2192}", fr: "Plus de promoteurs \u{2192}", es: "Más promotores \u{2192}" },
        NpsTitle {
            en: "Would people recommend going to the security team? (security NPS)",
            de: "Würden die Teilnehmenden empfehlen, sich an das Sicherheitsteam zu wenden? (Sicherheits-NPS)",
            fr: "Les répondants recommanderaient-ils de s’adresser à l’équipe sécurité\u{202f}? (NPS sécurité)",
            es: "¿Recomendarían los participantes acudir al equipo de seguridad? (NPS de seguridad)",
        },
        NoRecommend {
            en: "This survey has no recommend question.",
            de: "Diese Befragung hat keine Empfehlungsfrage.",
            fr: "Cette enquête ne contient pas de question de recommandation.",
            es: "Esta encuesta no tiene una pregunta de recomendación.",
        },
        NpsIs {
            en: "Security NPS is {score}: {promoters} promoters, {detractors} detractors.",
            de: "Der Sicherheits-NPS beträgt {score}: {promoters} Promotoren, {detractors} Kritiker.",
            fr: "Le NPS sécurité est de {score}\u{a0}: {promoters} de promoteurs, {detractors} de détracteurs.",
            es: "El NPS de seguridad es {score}: {promoters} promotores, {detractors} detractores.",
        },
        NpsIsWithCi {
            en: "Security NPS is {score} (95% CI {interval}): {promoters} promoters, {detractors} detractors.",
            de: "Der Sicherheits-NPS beträgt {score} (95-%-KI {interval}): {promoters} Promotoren, {detractors} Kritiker.",
            fr: "Le NPS sécurité est de {score} (IC à 95\u{202f}% {interval})\u{a0}: {promoters} de promoteurs, {detractors} de détracteurs.",
            es: "El NPS de seguridad es {score} (IC del 95\u{a0}% {interval}): {promoters} promotores, {detractors} detractores.",
        },
        NpsCaption {
            en: "Security net promoter score: % answering 9\u{2013}10 minus % answering 0\u{2013}6 to \u{201c}How likely are you to recommend going to the security team?\u{201d}",
            de: "Sicherheits-Net-Promoter-Score: % mit Antwort 9\u{2013}10 minus % mit Antwort 0\u{2013}6 auf \u{201e}Wie wahrscheinlich ist es, dass Sie empfehlen, sich an das Sicherheitsteam zu wenden?\u{201c}",
            fr: "Net promoter score sécurité\u{a0}: % répondant 9\u{2013}10 moins % répondant 0\u{2013}6 à «\u{a0}Quelle est la probabilité que vous recommandiez de s’adresser à l’équipe sécurité\u{202f}?\u{a0}»",
            es: "Net promoter score de seguridad: % que responde 9\u{2013}10 menos % que responde 0\u{2013}6 a «¿Qué probabilidad hay de que recomiende acudir al equipo de seguridad?»",
        },
        PromotersColumn { en: "% promoters", de: "% Promotoren", fr: "% promoteurs", es: "% promotores" },
        PassivesColumn { en: "% passives", de: "% Passive", fr: "% passifs", es: "% pasivos" },
        DetractorsColumn { en: "% detractors", de: "% Kritiker", fr: "% détracteurs", es: "% detractores" },

        // Comments: tone, stance and themes.
        NoCommentAnalysis {
            en: "This report has no comment analysis (the survey has no free-text question, or comments were left out).",
            de: "Dieser Bericht enthält keine Kommentaranalyse (die Befragung hat keine Freitextfrage, oder Kommentare wurden weggelassen).",
            fr: "Ce rapport ne contient pas d’analyse des commentaires (l’enquête n’a pas de question ouverte, ou les commentaires ont été exclus).",
            es: "Este informe no tiene análisis de comentarios (la encuesta no tiene pregunta abierta o se omitieron los comentarios).",
        },
        TooFewComments {
            en: "Too few comments to show anything.",
            de: "Zu wenige Kommentare, um etwas anzuzeigen.",
            fr: "Trop peu de commentaires pour afficher quoi que ce soit.",
            es: "Hay muy pocos comentarios para mostrar nada.",
        },
        PositiveLegend {
            en: "Positive (right column: % positive \u{2212} % negative)",
            de: "Positiv (rechte Spalte: % positiv \u{2212} % negativ)",
            fr: "Positif (colonne de droite\u{a0}: % positif \u{2212} % négatif)",
            es: "Positivo (columna derecha: % positivo \u{2212} % negativo)",
        },
        TooFewCommentsKey {
            en: "{hidden}: too few comments",
            de: "{hidden}: zu wenige Kommentare",
            fr: "{hidden}\u{a0}: trop peu de commentaires",
            es: "{hidden}: muy pocos comentarios",
        },
        EnablesLegend {
            en: "Enables work (right column: % enables \u{2212} % blocks)",
            de: "Ermöglicht die Arbeit (rechte Spalte: % ermöglicht \u{2212} % blockiert)",
            fr: "Facilite le travail (colonne de droite\u{a0}: % facilite \u{2212} % bloque)",
            es: "Facilita el trabajo (columna derecha: % facilita \u{2212} % bloquea)",
        },
        NeitherNotDrawn {
            en: "Comments that do neither are not drawn",
            de: "Kommentare, die keines von beiden tun, werden nicht gezeichnet",
            fr: "Les commentaires qui ne font ni l’un ni l’autre ne sont pas représentés",
            es: "No se dibujan los comentarios que no hacen ninguna de las dos cosas",
        },
        NoThemeTouched {
            en: "None of the {n} comments touches one of the themes.",
            de: "Keiner der {n} Kommentare berührt eines der Themen.",
            fr: "Aucun des {n} commentaires ne touche l’un des thèmes.",
            es: "Ninguno de los {n} comentarios trata alguno de los temas.",
        },
        ThemesLegend {
            en: "Comments per theme; right: % of all {n}",
            de: "Kommentare je Thema; rechts: % aller {n}",
            fr: "Commentaires par thème\u{202f}; à droite\u{a0}: % des {n}",
            es: "Comentarios por tema; a la derecha: % de los {n}",
        },
        ToneTitle { en: "The tone of comments", de: "Der Tonfall der Kommentare", fr: "Le ton des commentaires", es: "El tono de los comentarios" },
        ToneShares {
            en: "{negative} of comments are negative, {positive} positive.",
            de: "{negative} der Kommentare sind negativ, {positive} positiv.",
            fr: "{negative} des commentaires sont négatifs, {positive} positifs.",
            es: "El {negative} de los comentarios son negativos y el {positive}, positivos.",
        },
        ToneExtremes {
            en: "Most critical: {worst} (net {worst_net}); warmest: {best} (net {best_net}).",
            de: "Am kritischsten: {worst} (netto {worst_net}); am freundlichsten: {best} (netto {best_net}).",
            fr: "Le plus critique\u{a0}: {worst} (net {worst_net})\u{202f}; le plus chaleureux\u{a0}: {best} (net {best_net}).",
            es: "El más crítico: {worst} (neto {worst_net}); el más cálido: {best} (neto {best_net}).",
        },
        ToneCaption {
            en: "Tone of comments per {column}; groups with fewer than {k} comments are not shown.",
            de: "Tonfall der Kommentare je {column}; Gruppen mit weniger als {k} Kommentaren werden nicht angezeigt.",
            fr: "Ton des commentaires par {column}\u{202f}; les groupes de moins de {k} commentaires ne sont pas affichés.",
            es: "Tono de los comentarios por {column}; no se muestran los grupos con menos de {k} comentarios.",
        },
        NegativeColumn { en: "% negative", de: "% negativ", fr: "% négatif", es: "% negativo" },
        MixedColumn { en: "% mixed", de: "% gemischt", fr: "% mitigé", es: "% mixto" },
        NeutralToneColumn { en: "% neutral", de: "% neutral", fr: "% neutre", es: "% neutro" },
        PositiveColumn { en: "% positive", de: "% positiv", fr: "% positif", es: "% positivo" },
        NetToneColumn {
            en: "Net (positive \u{2212} negative)",
            de: "Netto (positiv \u{2212} negativ)",
            fr: "Net (positif \u{2212} négatif)",
            es: "Neto (positivo \u{2212} negativo)",
        },
        StanceTitle {
            en: "Do comments describe a team that blocks or enables work?",
            de: "Beschreiben die Kommentare ein Team, das die Arbeit blockiert oder ermöglicht?",
            fr: "Les commentaires décrivent-ils une équipe qui bloque ou facilite le travail\u{202f}?",
            es: "¿Describen los comentarios un equipo que bloquea o facilita el trabajo?",
        },
        StanceShares {
            en: "{blocking} of comments describe the team as blocking work, {enabling} as enabling it.",
            de: "{blocking} der Kommentare beschreiben das Team als blockierend, {enabling} als ermöglichend.",
            fr: "{blocking} des commentaires décrivent l’équipe comme bloquant le travail, {enabling} comme le facilitant.",
            es: "El {blocking} de los comentarios describe al equipo como un bloqueo para el trabajo y el {enabling}, como una ayuda.",
        },
        MostBlocked {
            en: "{group} writes most about being blocked.",
            de: "{group} schreibt am meisten darüber, blockiert zu werden.",
            fr: "{group} écrit le plus sur le fait d’être bloqué.",
            es: "{group} es quien más escribe sobre sentirse bloqueado.",
        },
        StanceCaption {
            en: "How comments portray the security team, per {column}; groups with fewer than {k} comments are not shown.",
            de: "Wie Kommentare das Sicherheitsteam darstellen, je {column}; Gruppen mit weniger als {k} Kommentaren werden nicht angezeigt.",
            fr: "Comment les commentaires dépeignent l’équipe sécurité, par {column}\u{202f}; les groupes de moins de {k} commentaires ne sont pas affichés.",
            es: "Cómo retratan los comentarios al equipo de seguridad, por {column}; no se muestran los grupos con menos de {k} comentarios.",
        },
        BlocksColumn { en: "% blocks work", de: "% blockiert die Arbeit", fr: "% bloque le travail", es: "% bloquea el trabajo" },
        EnablesColumn { en: "% enables work", de: "% ermöglicht die Arbeit", fr: "% facilite le travail", es: "% facilita el trabajo" },
        NeitherColumn { en: "% neither", de: "% weder noch", fr: "% ni l’un ni l’autre", es: "% ninguna" },
        NetStanceColumn {
            en: "Net (enables \u{2212} blocks)",
            de: "Netto (ermöglicht \u{2212} blockiert)",
            fr: "Net (facilite \u{2212} bloque)",
            es: "Neto (facilita \u{2212} bloquea)",
        },
        ThemesTitle { en: "What the comments are about", de: "Worum es in den Kommentaren geht", fr: "De quoi parlent les commentaires", es: "De qué tratan los comentarios" },
        OneTheme {
            en: "Most comments that touch a theme are about {theme} ({count} of {n}).",
            de: "Die meisten Kommentare, die ein Thema berühren, betreffen {theme} ({count} von {n}).",
            fr: "La plupart des commentaires qui touchent un thème portent sur {theme} ({count} sur {n}).",
            es: "La mayoría de los comentarios que tratan un tema hablan de {theme} ({count} de {n}).",
        },
        TwoThemes {
            en: "Most talked about: {first} ({first_count} of {n} comments), then {second} ({second_count}).",
            de: "Am häufigsten: {first} ({first_count} von {n} Kommentaren), dann {second} ({second_count}).",
            fr: "Sujet le plus abordé\u{a0}: {first} ({first_count} commentaires sur {n}), puis {second} ({second_count}).",
            es: "Lo más comentado: {first} ({first_count} de {n} comentarios), y después {second} ({second_count}).",
        },
        ThemesCaption {
            en: "Comments per theme (a comment can touch several themes), of {n} comments.",
            de: "Kommentare je Thema (ein Kommentar kann mehrere Themen berühren), von {n} Kommentaren.",
            fr: "Commentaires par thème (un commentaire peut toucher plusieurs thèmes), sur {n} commentaires.",
            es: "Comentarios por tema (un comentario puede tratar varios temas), de {n} comentarios.",
        },
        ThemesCaptionOn {
            en: "Comments per theme (a comment can touch several themes), of {n} comments on {question}.",
            de: "Kommentare je Thema (ein Kommentar kann mehrere Themen berühren), von {n} Kommentaren zu {question}.",
            fr: "Commentaires par thème (un commentaire peut toucher plusieurs thèmes), sur {n} commentaires à propos de {question}.",
            es: "Comentarios por tema (un comentario puede tratar varios temas), de {n} comentarios sobre {question}.",
        },
        ThemeColumn { en: "Theme", de: "Thema", fr: "Thème", es: "Tema" },
        ShareOfCommentsColumn { en: "% of comments", de: "% der Kommentare", fr: "% des commentaires", es: "% de los comentarios" },

        // Multi-choice selections.
        NoSelections {
            en: "This survey has no \u{201c}choose all that apply\u{201d} question.",
            de: "Diese Befragung hat keine Frage mit Mehrfachauswahl.",
            fr: "Cette enquête ne contient pas de question à choix multiples.",
            es: "Esta encuesta no tiene preguntas de opción múltiple.",
        },
        SelectionsTitle { en: "What people chose", de: "Was die Teilnehmenden gewählt haben", fr: "Ce que les répondants ont choisi", es: "Qué eligieron los participantes" },
        FewerNoShares {
            en: "Fewer than {k} people answered, so no shares are shown.",
            de: "Weniger als {k} Personen haben geantwortet, daher werden keine Anteile angezeigt.",
            fr: "Moins de {k} personnes ont répondu\u{a0}: aucune part n’est affichée.",
            es: "Respondieron menos de {k} personas, así que no se muestran proporciones.",
        },
        MostChosen {
            en: "Most often chosen: {option} ({share}).",
            de: "Am häufigsten gewählt: {option} ({share}).",
            fr: "Choix le plus fréquent\u{a0}: {option} ({share}).",
            es: "Lo más elegido: {option} ({share}).",
        },
        ChoseNone { en: "{share} chose {option}.", de: "{share} wählten {option}.", fr: "{share} ont choisi {option}.", es: "El {share} eligió {option}." },
        SelectionsCaption {
            en: "Share of the respondents who answered each question that chose each option (several could be chosen)",
            de: "Anteil der Personen, die die jeweilige Frage beantwortet haben, die jede Option gewählt haben (mehrere Optionen möglich)",
            fr: "Part des répondants à chaque question ayant choisi chaque option (plusieurs choix possibles)",
            es: "Proporción de quienes respondieron cada pregunta que eligió cada opción (se podían elegir varias)",
        },
        QuestionOptionColumn { en: "Question / option", de: "Frage / Option", fr: "Question / option", es: "Pregunta / opción" },
        ChosenByColumn { en: "Chosen by", de: "Gewählt von", fr: "Choisi par", es: "Elegido por" },
        AnsweredColumn { en: "Answered (n)", de: "Beantwortet (n)", fr: "Réponses (n)", es: "Respondieron (n)" },
        OfThoseWhoAnswered {
            en: "% of those who answered",
            de: "% der Antwortenden",
            fr: "% des personnes ayant répondu",
            es: "% de quienes respondieron",
        },

        // Priority: score against importance.
        NoOutcome {
            en: "This survey has no outcome question (recommend or says no \u{2194} offers options) to analyse.",
            de: "Diese Befragung hat keine Ergebnisfrage (Empfehlung oder Sagt Nein \u{2194} bietet Möglichkeiten an), die sich analysieren ließe.",
            fr: "Cette enquête n’a pas de question de résultat (recommandation ou dit non \u{2194} propose des solutions) à analyser.",
            es: "Esta encuesta no tiene una pregunta de resultado (recomendación o dice que no \u{2194} ofrece opciones) que analizar.",
        },
        TooFewForDrivers {
            en: "Too few complete respondents to tell what drives the outcomes: at least {n} are needed ({segment} for one group or wave).",
            de: "Zu wenige vollständige Antworten, um zu erkennen, was die Ergebnisse bestimmt: Mindestens {n} sind nötig ({segment} für eine Gruppe oder Runde).",
            fr: "Trop peu de répondants complets pour savoir ce qui détermine les résultats\u{a0}: il en faut au moins {n} ({segment} pour un groupe ou une vague).",
            es: "Hay muy pocos participantes con respuestas completas para saber qué determina los resultados: se necesitan al menos {n} ({segment} para un grupo o ronda).",
        },
        ImportanceAxis {
            en: "Importance: share of what drives the outcome \u{2192}",
            de: "Wichtigkeit: Einfluss auf das Ergebnis \u{2192}",
            fr: "Importance\u{a0}: part de ce qui détermine le résultat \u{2192}",
            es: "Importancia: parte de lo que determina el resultado \u{2192}",
        },
        ImportanceAxisShort {
            en: "Importance \u{2192}",
            de: "Wichtigkeit \u{2192}",
            fr: "Importance \u{2192}",
            es: "Importancia \u{2192}",
        },
        ScoreAxis { en: "Score \u{2191}", de: "Wert \u{2191}", fr: "Score \u{2191}", es: "Puntuación \u{2191}" },
        FixFirstTitle { en: "What to fix first", de: "Was zuerst anzugehen ist", fr: "Ce qu’il faut traiter d’abord", es: "Qué atender primero" },
        PriorityTitle {
            en: "What to fix first: score against importance for {outcome}",
            de: "Was zuerst anzugehen ist: Wert im Vergleich zur Wichtigkeit für {outcome}",
            fr: "Ce qu’il faut traiter d’abord\u{a0}: score par rapport à l’importance pour {outcome}",
            es: "Qué atender primero: puntuación frente a importancia para {outcome}",
        },
        NothingToFix {
            en: "No dimension is both important and below the average score; the strongest driver is {name} ({importance} of the explained variance, score {score}).",
            de: "Keine Dimension ist zugleich wichtig und unter dem Durchschnittswert; der stärkste Treiber ist {name} ({importance} der erklärten Varianz, Wert {score}).",
            fr: "Aucune dimension n’est à la fois importante et sous le score moyen\u{202f}; le facteur le plus influent est {name} ({importance} de la variance expliquée, score {score}).",
            es: "Ninguna dimensión es a la vez importante y está por debajo de la puntuación media; el factor más influyente es {name} ({importance} de la varianza explicada, puntuación {score}).",
        },
        FixFirstOne {
            en: "Fix first: {names}. It matters most for the outcome and scores below the average of {mean}.",
            de: "Zuerst angehen: {names}. Diese Dimension ist für das Ergebnis am wichtigsten und liegt unter dem Durchschnitt von {mean}.",
            fr: "À traiter d’abord\u{a0}: {names}. Cette dimension compte le plus pour le résultat et se situe sous la moyenne de {mean}.",
            es: "Atender primero: {names}. Es lo que más importa para el resultado y puntúa por debajo de la media de {mean}.",
        },
        FixFirstMany {
            en: "Fix first: {names}. They matter most for the outcome and score below the average of {mean}.",
            de: "Zuerst angehen: {names}. Diese Dimensionen sind für das Ergebnis am wichtigsten und liegen unter dem Durchschnitt von {mean}.",
            fr: "À traiter d’abord\u{a0}: {names}. Ces dimensions comptent le plus pour le résultat et se situent sous la moyenne de {mean}.",
            es: "Atender primero: {names}. Son lo que más importa para el resultado y puntúan por debajo de la media de {mean}.",
        },
        PriorityCaption {
            en: "Importance: each dimension's share of the variance in {outcome} that the dimensions explain together ({r2} of it; Johnson's relative weights over {n} complete respondents, 95% bootstrap intervals). Important = above an equal share ({cut}); weak = below the mean score ({mean}).",
            de: "Wichtigkeit: der Anteil jeder Dimension an der Varianz von {outcome}, die die Dimensionen gemeinsam erklären ({r2} davon; relative Gewichte nach Johnson über {n} vollständige Antworten, 95-%-Bootstrap-Intervalle). Wichtig = über einem gleichen Anteil ({cut}); schwach = unter dem mittleren Wert ({mean}).",
            fr: "Importance\u{a0}: part de chaque dimension dans la variance de {outcome} que les dimensions expliquent ensemble ({r2} de celle-ci\u{202f}; poids relatifs de Johnson sur {n} répondants complets, intervalles bootstrap à 95\u{202f}%). Important = au-dessus d’une part égale ({cut})\u{202f}; faible = sous le score moyen ({mean}).",
            es: "Importancia: la parte de cada dimensión en la varianza de {outcome} que las dimensiones explican en conjunto ({r2} de ella; pesos relativos de Johnson sobre {n} participantes con respuestas completas, intervalos bootstrap del 95\u{a0}%). Importante = por encima de una parte igual ({cut}); débil = por debajo de la puntuación media ({mean}).",
        },
        ImportanceColumn { en: "Importance", de: "Wichtigkeit", fr: "Importance", es: "Importancia" },
        QuadrantColumn { en: "Quadrant", de: "Quadrant", fr: "Quadrant", es: "Cuadrante" },

        // Sensitive questions (randomized response).
        NoSensitive {
            en: "This survey asks no sensitive questions with randomized response.",
            de: "Diese Befragung stellt keine heiklen Fragen mit dem Randomized-Response-Verfahren.",
            fr: "Cette enquête ne pose pas de questions sensibles avec réponse randomisée.",
            es: "Esta encuesta no hace preguntas delicadas con respuesta aleatorizada.",
        },
        EstimatedShare { en: "Estimated share", de: "Geschätzter Anteil", fr: "Part estimée", es: "Proporción estimada" },
        WhiskerLegend {
            en: "Whisker: 95% CI, wider than a direct question\u{2019}s (see table)",
            de: "Fehlerbalken: 95-%-KI, breiter als bei einer direkten Frage (siehe Tabelle)",
            fr: "Moustache\u{a0}: IC à 95\u{202f}%, plus large que pour une question directe (voir le tableau)",
            es: "Bigote: IC del 95\u{a0}%, más amplio que el de una pregunta directa (vea la tabla)",
        },
        SensitiveTitle {
            en: "Sensitive questions: estimated share (randomized response)",
            de: "Heikle Fragen: geschätzter Anteil (Randomized-Response-Verfahren)",
            fr: "Questions sensibles\u{a0}: part estimée (réponse randomisée)",
            es: "Preguntas delicadas: proporción estimada (respuesta aleatorizada)",
        },
        SensitiveTakeaway {
            en: "An estimated {share} said yes to {question} (95% CI {interval}); randomized response protects each answer, so the interval is {width} as wide as a direct question\u{2019}s.",
            de: "Schätzungsweise {share} haben {question} mit Ja beantwortet (95-%-KI {interval}); das Randomized-Response-Verfahren schützt jede einzelne Antwort, daher ist das Intervall {width} so breit wie bei einer direkten Frage.",
            fr: "Environ {share} ont répondu oui à {question} (IC à 95\u{202f}% {interval})\u{202f}; la réponse randomisée protège chaque réponse, l’intervalle est donc {width} plus large que pour une question directe.",
            es: "Se estima que el {share} respondió que sí a {question} (IC del 95\u{a0}% {interval}); la respuesta aleatorizada protege cada respuesta, así que el intervalo es {width} más amplio que el de una pregunta directa.",
        },
        SensitiveTakeawayWider {
            en: "An estimated {share} said yes to {question} (95% CI {interval}); randomized response protects each answer, so the interval is wider than a direct question\u{2019}s.",
            de: "Schätzungsweise {share} haben {question} mit Ja beantwortet (95-%-KI {interval}); das Randomized-Response-Verfahren schützt jede einzelne Antwort, daher ist das Intervall breiter als bei einer direkten Frage.",
            fr: "Environ {share} ont répondu oui à {question} (IC à 95\u{202f}% {interval})\u{202f}; la réponse randomisée protège chaque réponse, l’intervalle est donc plus large que pour une question directe.",
            es: "Se estima que el {share} respondió que sí a {question} (IC del 95\u{a0}% {interval}); la respuesta aleatorizada protege cada respuesta, así que el intervalo es más amplio que el de una pregunta directa.",
        },
        SensitiveCaption {
            en: "Estimated % for whom each statement is true, from randomized answers (each person\u{2019}s answer was randomized on their device); groups under {k} people are hidden.",
            de: "Geschätzter Anteil (in %) der Personen, auf die die jeweilige Aussage zutrifft, aus Antworten im Randomized-Response-Verfahren (jede Antwort wurde auf dem Gerät der Person zufällig verändert); Gruppen unter {k} Personen werden ausgeblendet.",
            fr: "% estimé de personnes pour qui chaque affirmation est vraie, à partir de réponses randomisées (la réponse de chacun a été randomisée sur son appareil)\u{202f}; les groupes de moins de {k} personnes sont masqués.",
            es: "% estimado de personas para quienes cada afirmación es cierta, a partir de respuestas aleatorizadas (la respuesta de cada persona se aleatorizó en su dispositivo); los grupos de menos de {k} personas se ocultan.",
        },
        SensitiveCaptionBy {
            en: "Estimated % for whom each statement is true, overall and by {column}, from randomized answers (each person\u{2019}s answer was randomized on their device); groups under {k} people are hidden.",
            de: "Geschätzter Anteil (in %) der Personen, auf die die jeweilige Aussage zutrifft, insgesamt und nach {column}, aus Antworten im Randomized-Response-Verfahren (jede Antwort wurde auf dem Gerät der Person zufällig verändert); Gruppen unter {k} Personen werden ausgeblendet.",
            fr: "% estimé de personnes pour qui chaque affirmation est vraie, au total et par {column}, à partir de réponses randomisées (la réponse de chacun a été randomisée sur son appareil)\u{202f}; les groupes de moins de {k} personnes sont masqués.",
            es: "% estimado de personas para quienes cada afirmación es cierta, en total y por {column}, a partir de respuestas aleatorizadas (la respuesta de cada persona se aleatorizó en su dispositivo); los grupos de menos de {k} personas se ocultan.",
        },
        WidthColumn {
            en: "CI width vs. direct question",
            de: "KI-Breite ggü. direkter Frage",
            fr: "Largeur de l’IC par rapport à une question directe",
            es: "Amplitud del IC frente a pregunta directa",
        },
        ReportedYesColumn { en: "% reported yes", de: "% mit Ja geantwortet", fr: "% ayant répondu oui", es: "% que respondió sí" },

        // Ranking of business systems.
        NoRanking {
            en: "This survey has no ranking question.",
            de: "Diese Befragung hat keine Rangfolgefrage.",
            fr: "Cette enquête ne contient pas de question de classement.",
            es: "Esta encuesta no tiene una pregunta de clasificación.",
        },
        FewerRankedRow {
            en: "Fewer people ranked than the minimum",
            de: "Weniger Personen haben eine Rangfolge gebildet als das Minimum",
            fr: "Moins de personnes ont classé que le minimum",
            es: "Menos personas de las necesarias hicieron la clasificación",
        },
        RankedFirst { en: "{share} first", de: "{share} zuerst", fr: "{share} en premier", es: "{share} primero" },
        RankingLegend {
            en: "Importance 0\u{2013}100: Borda points, 100 = everyone ranked it first",
            de: "Wichtigkeit 0\u{2013}100: Borda-Punkte, 100 = alle haben es an erste Stelle gesetzt",
            fr: "Importance 0\u{2013}100\u{a0}: points de Borda, 100 = tout le monde l’a classé en premier",
            es: "Importancia 0\u{2013}100: puntos Borda, 100 = todos lo pusieron en primer lugar",
        },
        RankingTitle {
            en: "Which business systems matter most to protect? (leaders\u{2019} ranking)",
            de: "Welche Geschäftssysteme sind am wichtigsten zu schützen? (Rangfolge der Führungskräfte)",
            fr: "Quels systèmes métier importe-t-il le plus de protéger\u{202f}? (classement des responsables)",
            es: "¿Qué sistemas de negocio es más importante proteger? (clasificación de los responsables)",
        },
        RankedTopTwo {
            en: "{n} leaders ranked {top} most important ({share} put it first), ahead of {second}.",
            de: "{n} Führungskräfte haben {top} als am wichtigsten eingestuft ({share} an erster Stelle), vor {second}.",
            fr: "{n} responsables ont classé {top} comme le plus important ({share} l’ont mis en premier), devant {second}.",
            es: "{n} responsables clasificaron {top} como lo más importante (el {share} lo puso en primer lugar), por delante de {second}.",
        },
        RankedTop {
            en: "{n} leaders ranked {top} most important.",
            de: "{n} Führungskräfte haben {top} als am wichtigsten eingestuft.",
            fr: "{n} responsables ont classé {top} comme le plus important.",
            es: "{n} responsables clasificaron {top} como lo más importante.",
        },
        FewerRanked {
            en: "Fewer than {k} people ranked, so nothing is shown.",
            de: "Weniger als {k} Personen haben eine Rangfolge gebildet, daher wird nichts angezeigt.",
            fr: "Moins de {k} personnes ont fait un classement\u{a0}: rien n’est affiché.",
            es: "Menos de {k} personas hicieron la clasificación, así que no se muestra nada.",
        },
        RankingCaption {
            en: "Borda count of {question} (n = {n}): with m options, rank r earns m \u{2212} r points; importance = points \u{00f7} the most possible \u{00d7} 100.",
            de: "Borda-Zählung von {question} (n = {n}): Bei m Optionen bringt Rang r m \u{2212} r Punkte; Wichtigkeit = Punkte \u{00f7} höchstmögliche Punkte \u{00d7} 100.",
            fr: "Décompte de Borda de {question} (n = {n})\u{a0}: avec m options, le rang r rapporte m \u{2212} r points\u{202f}; importance = points \u{00f7} maximum possible \u{00d7} 100.",
            es: "Recuento Borda de {question} (n = {n}): con m opciones, el puesto r suma m \u{2212} r puntos; importancia = puntos \u{00f7} máximo posible \u{00d7} 100.",
        },
        OptionColumn { en: "Option", de: "Option", fr: "Option", es: "Opción" },
        QuestionColumn { en: "Question", de: "Frage", fr: "Question", es: "Pregunta" },
        PlaceColumn { en: "Place", de: "Platz", fr: "Rang", es: "Puesto" },
        ImportanceScaleColumn { en: "Importance (0\u{2013}100)", de: "Wichtigkeit (0\u{2013}100)", fr: "Importance (0\u{2013}100)", es: "Importancia (0\u{2013}100)" },
        BordaColumn { en: "Borda points", de: "Borda-Punkte", fr: "Points de Borda", es: "Puntos Borda" },
        MeanRankColumn { en: "Mean rank", de: "Mittlerer Rang", fr: "Rang moyen", es: "Puesto medio" },
        RankedFirstColumn { en: "% ranked first", de: "% an erster Stelle", fr: "% classé premier", es: "% en primer lugar" },
        TrendMovedOnePoint {
            en: "From {from} to {to} the overall score moved {overall} point; {most} changed most ({most_change}), {least} least ({least_change}).",
            de: "Von {from} bis {to} hat sich der Gesamtwert um {overall} Punkt bewegt; {most} hat sich am stärksten verändert ({most_change}), {least} am wenigsten ({least_change}).",
            fr: "De {from} à {to}, le score global a bougé de {overall} point\u{202f}; {most} a le plus changé ({most_change}), {least} le moins ({least_change}).",
            es: "De {from} a {to}, la puntuación global se movió {overall} punto; {most} cambió más ({most_change}) y {least} menos ({least_change}).",
        },
    }
}

catalog! {
    /// The comment labels as charts (and the dashboard's comment filters) show them.
    pub(crate) enum Names {
        SaysNo { en: "Says no", de: "Sagt Nein", fr: "Dit non", es: "Dice que no" },
        OffersOptions { en: "Offers options", de: "Bietet Möglichkeiten an", fr: "Propose des solutions", es: "Ofrece opciones" },
        Bottleneck { en: "Speed, waiting", de: "Tempo, Wartezeit", fr: "Délais, attente", es: "Rapidez, esperas" },
        Approachability { en: "Approachability", de: "Nahbarkeit", fr: "Accessibilité", es: "Cercanía" },
        Arrogance { en: "Arrogance, blame", de: "Arroganz, Schuldzuweisung", fr: "Arrogance, reproches", es: "Arrogancia, culpas" },
        Communication { en: "Communication", de: "Kommunikation", fr: "Communication", es: "Comunicación" },
        Care { en: "Care for people", de: "Fürsorge für Menschen", fr: "Attention aux personnes", es: "Cuidado de las personas" },
        Training { en: "Training", de: "Schulung", fr: "Formation", es: "Formación" },
        IncidentResponse { en: "Incident response", de: "Reaktion auf Vorfälle", fr: "Réponse aux incidents", es: "Respuesta a incidentes" },
        Leadership { en: "Leadership", de: "Führung", fr: "Encadrement", es: "Liderazgo" },
        Compliance { en: "Compliance, paperwork", de: "Compliance, Bürokratie", fr: "Conformité, paperasse", es: "Cumplimiento, papeleo" },
        Tooling { en: "Tools and controls", de: "Werkzeuge und Kontrollen", fr: "Outils et contrôles", es: "Herramientas y controles" },

        Negative { en: "Negative", de: "Negativ", fr: "Négatif", es: "Negativo" },
        NeutralTone { en: "Neutral", de: "Neutral", fr: "Neutre", es: "Neutro" },
        Positive { en: "Positive", de: "Positiv", fr: "Positif", es: "Positivo" },
        MixedTone { en: "Mixed", de: "Gemischt", fr: "Mitigé", es: "Mixto" },

        Blocker { en: "Blocks work", de: "Blockiert die Arbeit", fr: "Bloque le travail", es: "Bloquea el trabajo" },
        Enabler { en: "Enables work", de: "Ermöglicht die Arbeit", fr: "Facilite le travail", es: "Facilita el trabajo" },
        NoStance { en: "Neither", de: "Weder noch", fr: "Ni l’un ni l’autre", es: "Ninguna de las dos" },
    }
}

/// A comment theme as a reader sees it, in `lang`.
pub fn theme_name(t: Theme, lang: Lang) -> String {
    let name = match t {
        Theme::SaysNo => Names::SaysNo,
        Theme::OffersOptions => Names::OffersOptions,
        Theme::Bottleneck => Names::Bottleneck,
        Theme::Approachability => Names::Approachability,
        Theme::Arrogance => Names::Arrogance,
        Theme::Communication => Names::Communication,
        Theme::Care => Names::Care,
        Theme::Training => Names::Training,
        Theme::IncidentResponse => Names::IncidentResponse,
        Theme::Leadership => Names::Leadership,
        Theme::Compliance => Names::Compliance,
        Theme::Tooling => Names::Tooling,
    };
    name.text(lang)
}

/// A comment's tone as a reader sees it, in `lang`.
pub fn sentiment_name(s: Sentiment, lang: Lang) -> String {
    let name = match s {
        Sentiment::Negative => Names::Negative,
        Sentiment::Neutral => Names::NeutralTone,
        Sentiment::Positive => Names::Positive,
        Sentiment::Mixed => Names::MixedTone,
    };
    name.text(lang)
}

/// A comment's stance as a reader sees it, in `lang`.
pub fn stance_name(s: Stance, lang: Lang) -> String {
    let name = match s {
        Stance::Blocker => Names::Blocker,
        Stance::Enabler => Names::Enabler,
        Stance::None => Names::NoStance,
    };
    name.text(lang)
}

/// `text` in the language's quotation marks: “…” (en), „…“ (de), « … » (fr), «…» (es).
pub(crate) fn quoted(text: &str, lang: Lang) -> String {
    Words::Quoted.fill(lang, &[("text", &text)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::check_catalog;

    #[test]
    fn the_catalogs_are_complete_and_consistent() {
        assert!(check_catalog(Words::ALL).is_empty(), "{:#?}", check_catalog(Words::ALL));
        assert!(check_catalog(Names::ALL).is_empty(), "{:#?}", check_catalog(Names::ALL));
    }

    #[test]
    fn quotes_follow_the_language() {
        assert_eq!(quoted("x", Lang::En), "\u{201c}x\u{201d}");
        assert_eq!(quoted("x", Lang::De), "\u{201e}x\u{201c}");
        assert_eq!(quoted("x", Lang::Fr), "«\u{a0}x\u{a0}»");
    }
}
