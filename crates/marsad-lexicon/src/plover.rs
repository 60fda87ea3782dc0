//! The PLOVER ontology facts that marsad relies on: the 16 categories, their modes, quad
//! codes and conflict/cooperation scores (PLOVER manual, "Numeric conflict/cooperation
//! scores" and each category's mode table). These are the codebook, not the lexicon, so
//! they live in code and are checked against the lexicon when it loads.

/// The 16 PLOVER event categories.
pub const CATEGORIES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Modes of each category (lower case, as in the manual's tables).
pub fn modes(category: &str) -> &'static [&'static str] {
    match category {
        "CONSULT" => &["visit", "third-party", "multilateral", "phone"],
        "RETREAT" => &[
            "withdraw",
            "release",
            "disarm",
            "ceasefire",
            "access",
            "resign",
        ],
        "REQUEST" | "REJECT" => &["assist", "change", "yield", "meet"],
        "ACCUSE" => &["disapprove", "investigate", "allege"],
        "THREATEN" => &[
            "restrict",
            "arrest",
            "relations",
            "expel",
            "territory",
            "violence",
        ],
        "PROTEST" => &[
            "demo",
            "riot",
            "strike",
            "hunger",
            "boycott",
            "obstruct",
            "vandalize",
        ],
        "SANCTION" => &["convict", "expel", "withdraw", "discontinue"],
        "MOBILIZE" => &["troops", "weapons", "police", "militia"],
        "COERCE" => &[
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ],
        "ASSAULT" => &[
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ],
        _ => &[],
    }
}

/// Quad code: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
/// 4 material conflict.
pub fn quad_code(category: &str) -> u8 {
    match category {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        _ => 4,
    }
}

/// PLOVER score of a category and optional mode. Modes without their own score take the
/// category's. The manual prints ACCUSE as `3`, evidently a lost minus sign (its modes
/// score -2 to -3.5 and the earlier table had -2.0); marsad uses -3.
pub fn score(category: &str, mode: Option<&str>) -> f32 {
    let by_mode = match (category, mode.unwrap_or("")) {
        ("CONSULT", "visit") => Some(4.0),
        ("CONSULT", "third-party") => Some(1.0),
        ("CONSULT", "multilateral") => Some(4.0),
        ("CONSULT", "phone") => Some(1.5),
        ("RETREAT", "withdraw") => Some(8.0),
        ("RETREAT", "release") => Some(6.5),
        ("RETREAT", "disarm") => Some(10.0),
        ("RETREAT", "ceasefire") => Some(7.5),
        ("RETREAT", "access") => Some(6.5),
        ("RETREAT", "resign") => Some(4.5),
        ("REQUEST", "assist") => Some(0.5),
        ("REQUEST", "change") | ("REQUEST", "yield") => Some(-1.0),
        ("REQUEST", "meet") => Some(0.0),
        ("ACCUSE", "disapprove") => Some(-2.0),
        ("ACCUSE", "investigate") | ("ACCUSE", "allege") => Some(-3.5),
        ("REJECT", "assist") => Some(-1.5),
        ("REJECT", "change") | ("REJECT", "yield") | ("REJECT", "meet") => Some(-2.0),
        ("THREATEN", "restrict") => Some(-3.0),
        ("THREATEN", "arrest")
        | ("THREATEN", "relations")
        | ("THREATEN", "expel")
        | ("THREATEN", "violence") => Some(-3.5),
        ("THREATEN", "territory") => Some(-4.0),
        ("PROTEST", "demo") | ("PROTEST", "strike") => Some(-5.0),
        ("PROTEST", "riot") => Some(-7.0),
        ("PROTEST", "hunger")
        | ("PROTEST", "boycott")
        | ("PROTEST", "obstruct")
        | ("PROTEST", "vandalize") => Some(-4.5),
        ("SANCTION", "convict") => Some(-6.0),
        ("SANCTION", "expel") => Some(-5.5),
        ("SANCTION", "withdraw") | ("SANCTION", "discontinue") => Some(-6.0),
        ("MOBILIZE", "troops") | ("MOBILIZE", "weapons") => Some(-6.5),
        ("MOBILIZE", "police") => Some(-5.5),
        ("MOBILIZE", "militia") => Some(-6.0),
        ("COERCE", "censor") | ("COERCE", "curfew") | ("COERCE", "misinformation") => Some(-6.5),
        ("COERCE", "martial-law") => Some(-7.5),
        ("COERCE", _) if mode.is_some() => Some(-7.0),
        ("ASSAULT", "abduct")
        | ("ASSAULT", "torture")
        | ("ASSAULT", "sexual")
        | ("ASSAULT", "destroy") => Some(-8.5),
        ("ASSAULT", "beat") | ("ASSAULT", "crowd-control") => Some(-7.5),
        ("ASSAULT", "targeted")
        | ("ASSAULT", "suicide-attack")
        | ("ASSAULT", "aerial")
        | ("ASSAULT", "drone")
        | ("ASSAULT", "heavy-weapons") => Some(-9.5),
        ("ASSAULT", "primitive") => Some(-8.0),
        ("ASSAULT", "firearms") | ("ASSAULT", "explosives") => Some(-9.0),
        ("ASSAULT", "unconventional") => Some(-10.0),
        _ => None,
    };
    by_mode.unwrap_or(match category {
        "AGREE" | "CONSULT" => 2.5,
        "SUPPORT" => 5.0,
        "CONCEDE" => 4.5,
        "COOPERATE" => 9.5,
        "AID" => 10.0,
        "RETREAT" => 6.5,
        "REQUEST" => 0.0,
        "ACCUSE" => -3.0,
        "REJECT" => -2.0,
        "THREATEN" => -3.5,
        "PROTEST" => -5.0,
        "SANCTION" => -6.0,
        "MOBILIZE" => -5.5,
        "COERCE" => -7.0,
        "ASSAULT" => -9.0,
        _ => 0.0,
    })
}

/// Country-level codes that name no state: PLOVER's "Non-state international actors", and
/// INT, a foreign party whose state the text does not name (جنود أجانب).
pub const NON_STATE_CODES: [&str; 8] = ["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "INT"];

/// Sector codes accepted in actor lexicons: PLOVER's list plus the CAMEO-style IGO/NGO.
pub const SECTORS: [&str; 27] = [
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO",
    "NGO",
];

/// PLOVER contexts (general contexts table, plus `humanitarian` from the CAMEO mapping).
pub const CONTEXTS: [&str; 38] = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
    "humanitarian",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_manual() {
        assert_eq!(score("ASSAULT", None), -9.0);
        assert_eq!(score("ASSAULT", Some("aerial")), -9.5);
        assert_eq!(score("RETREAT", Some("ceasefire")), 7.5);
        assert_eq!(score("AID", Some("unknown-mode")), 10.0);
        assert_eq!(quad_code("THREATEN"), 3);
        assert_eq!(quad_code("ASSAULT"), 4);
    }

    #[test]
    fn every_category_has_a_quad_and_score() {
        for c in CATEGORIES {
            assert!((1..=4).contains(&quad_code(c)));
            assert!(score(c, None) != 0.0 || c == "REQUEST");
        }
    }
}
