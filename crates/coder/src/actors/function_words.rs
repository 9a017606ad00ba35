//! Prepositions and other function words: the closed word classes that bound actor phrases and
//! tell subjects from objects. No dictionary lookups.

const PREPOSITIONS: &[&str] = &[
    "to",
    "for",
    "with",
    "of",
    "in",
    "from",
    "by",
    "at",
    "on",
    "against",
    "about",
    "toward",
    "towards",
    "between",
    "among",
    "over",
    "after",
    "before",
    "under",
    "into",
    "than",
    "through",
    "without",
    "within",
    "across",
    "behind",
    "near",
    "like",
    "around",
    "amid",
    "amidst",
    "despite",
    "including",
    "during",
    "since",
    "until",
    "via",
    "beyond",
    "throughout",
    "upon",
    "onto",
    "alongside",
    "inside",
    "outside",
    "besides",
    "regarding",
    "concerning",
    "unlike",
    "per",
    "versus",
    "vs",
];

pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "said"
            | "says"
            | "not"
    ) || is_preposition(w)
}
