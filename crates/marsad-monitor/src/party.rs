//! Parties: building them from coded entities and matching events' actors and targets
//! against a commitment's sides.
//!
//! # Matching rules
//!
//! * A **named** party (an `org`, `person` or `country` entry of the lexicon; a person
//!   who speaks for an organisation is coded as it) matches another named party with the
//!   same `identifier_text`: a certain match.
//! * A **generic** party (a sector term with a country: القوات العراقية = IRQ MIL)
//!   possibly matches a generic party with the same code and sector; generic terms with
//!   no country (الفصائل، القوات) match nothing.
//! * **Allied factions.** When the committing side holds an armed faction (sector or
//!   other sector PRM or REB) of country C, an *unnamed* armed faction (PRM/REB, no
//!   identifier) of C is possibly one of the committed parties (a faction of no stated
//!   country is not: too vague). When the committing side also holds an unnamed group of factions (مجموعة
//!   من الفصائل ...), a *named* armed faction of such a country is possibly one of them
//!   too. These matches are always `possible`, never proof.
//! * A target is on the **protected side** when it is a named protected party, or has
//!   the code of a protected party and is not itself an armed faction or an unknown
//!   actor (so an attack on the US embassy is on the side of "US forces").

use std::collections::HashSet;

use marsad_coder::mention::Ent;
use marsad_coder::Entity;

use crate::model::{Certainty, Party};

/// Identifier texts of named entries (org, person, country) of the lexicon.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names(pub HashSet<String>);

impl Names {
    pub(crate) fn party(&self, e: &Entity, via: &str) -> Party {
        let named = e.identifier_id.is_some()
            || e.identifier_text
                .as_ref()
                .is_some_and(|n| self.0.contains(n.as_str()));
        Party {
            code: e.code.clone(),
            sector: e.sector.clone(),
            other_sectors: e.other_sectors.clone(),
            name: e.identifier_text.clone(),
            text: e.entity_text.clone(),
            named,
            via: via.to_string(),
        }
    }

    pub(crate) fn party_from_ent(&self, e: &Ent, words: &str, via: &str) -> Party {
        let named = !e.generic
            && (e.wikidata.is_some() || e.name.as_ref().is_some_and(|n| self.0.contains(n)));
        Party {
            code: e.code.clone(),
            sector: e.sectors.first().cloned(),
            other_sectors: e.sectors.iter().skip(1).cloned().collect(),
            name: e.name.clone(),
            text: words.to_string(),
            named,
            via: via.to_string(),
        }
    }
}

impl Party {
    /// Identity key: the name of a named party, code and sector of a generic one.
    pub fn key(&self) -> String {
        if self.named {
            format!("n:{}", self.name.as_deref().unwrap_or(&self.text))
        } else {
            format!(
                "g:{}/{}",
                self.code.as_deref().unwrap_or("-"),
                self.sector.as_deref().unwrap_or("-")
            )
        }
    }

    /// A short English label: `Kataib Hezbollah (IRQ PRM)`, `forces (USA MIL)`.
    pub fn label(&self) -> String {
        let name = self.name.as_deref().unwrap_or(&self.text);
        let codes: Vec<&str> = [self.code.as_deref(), self.sector.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if codes.is_empty() {
            name.to_string()
        } else {
            format!("{name} ({})", codes.join(" "))
        }
    }

    /// Sector PRM or REB, primary or other.
    pub fn is_armed_faction(&self) -> bool {
        self.sector
            .iter()
            .chain(self.other_sectors.iter())
            .any(|s| s == "PRM" || s == "REB")
    }

    /// An unknown perpetrator (مجهولون، مسلحون مجهولون): sector UAF.
    pub fn is_unknown(&self) -> bool {
        self.sector.as_deref() == Some("UAF")
            || self
                .name
                .as_deref()
                .is_some_and(|n| n.starts_with("unknown"))
    }

    /// Same identity (see [`Party::key`]).
    pub fn same(&self, other: &Party) -> bool {
        self.key() == other.key()
    }
}

/// Adds `p` to `list` unless a party with the same key is there.
pub(crate) fn push_unique(list: &mut Vec<Party>, p: Party) {
    if !list.iter().any(|q| q.same(&p)) {
        list.push(p);
    }
}

/// Is `who` one of the `side`? (see the module rules).
pub(crate) fn side_match(side: &[Party], who: &Party) -> Option<(Certainty, String)> {
    if who.is_unknown() {
        return None;
    }
    // Two generic mentions without a country (الفصائل / الفصائل, القوات / القوات) say
    // nothing about being the same group.
    if let Some(p) = side
        .iter()
        .find(|p| p.same(who) && (p.named || p.code.is_some()))
    {
        let how = if p.named {
            "a committed party"
        } else {
            "the committed group"
        };
        let certainty = if p.named {
            Certainty::Certain
        } else {
            // Two generic mentions (الفصائل / الفصائل) may or may not be the same group.
            Certainty::Possible
        };
        return Some((certainty, format!("{} is {how}", who.label())));
    }
    if !who.is_armed_faction() {
        return None;
    }
    let faction_codes: Vec<Option<&str>> = side
        .iter()
        .filter(|p| p.is_armed_faction())
        .map(|p| p.code.as_deref())
        .collect();
    if faction_codes.is_empty() {
        return None;
    }
    let country_ok = who.code.is_some() && faction_codes.contains(&who.code.as_deref());
    if !country_ok {
        return None;
    }
    let has_group = side.iter().any(|p| p.is_armed_faction() && !p.named);
    if !who.named {
        return Some((
            Certainty::Possible,
            format!(
                "{} is an unnamed armed faction of {}, possibly one of the committed factions (allied-factions rule)",
                who.label(),
                who.code.as_deref().unwrap_or("-")
            ),
        ));
    }
    if has_group {
        return Some((
            Certainty::Possible,
            format!(
                "{} is an armed faction, possibly one of the factions that joined (allied-factions rule)",
                who.label()
            ),
        ));
    }
    None
}

/// Is the target on the protected side? Returns the reason.
pub(crate) fn protected_match(side: &[Party], target: &Party) -> Option<String> {
    if target.is_unknown() {
        return None;
    }
    if let Some(p) = side
        .iter()
        .find(|p| p.same(target) && (p.named || p.code.is_some()))
    {
        return Some(format!("{} is protected", p.label()));
    }
    if target.is_armed_faction() {
        return None;
    }
    let code = target.code.as_deref()?;
    side.iter()
        .find(|p| p.code.as_deref() == Some(code) && !p.is_armed_faction())
        .map(|p| {
            format!(
                "{} is on the protected side of {}",
                target.label(),
                p.label()
            )
        })
}

/// Is `target` covered by a voiding trigger's targets? Returns certainty and reason.
pub(crate) fn trigger_target_match(
    targets: &[Party],
    includes_allies: bool,
    target: &Party,
) -> Option<(Certainty, String)> {
    if target.is_unknown() {
        return None;
    }
    if let Some(t) = targets.iter().find(|t| t.same(target)) {
        return Some((
            Certainty::Certain,
            format!("{} is named in the trigger", t.label()),
        ));
    }
    if !target.is_armed_faction() {
        return None;
    }
    for t in targets {
        let by_allies = includes_allies || (!t.named && t.is_armed_faction());
        let same_country = target.code.is_none() || t.code.is_none() || target.code == t.code;
        if by_allies && t.is_armed_faction() && same_country {
            let why = if includes_allies {
                format!(
                    "{} is an armed faction of {}, covered as an ally of {}",
                    target.label(),
                    target.code.as_deref().unwrap_or("the same country"),
                    t.label()
                )
            } else {
                format!("{} is one of the {}", target.label(), t.label())
            };
            return Some((Certainty::Possible, why));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(code: Option<&str>, sector: &str, name: &str, named: bool) -> Party {
        Party {
            code: code.map(Into::into),
            sector: Some(sector.into()),
            name: Some(name.into()),
            text: name.into(),
            named,
            via: "actor".into(),
            ..Default::default()
        }
    }

    #[test]
    fn named_parties_match_by_name_generic_by_code_and_sector() {
        let kh = p(Some("IRQ"), "PRM", "Kataib Hezbollah", true);
        let side = vec![kh.clone()];
        assert_eq!(side_match(&side, &kh).unwrap().0, Certainty::Certain);
        let aah = p(Some("IRQ"), "PRM", "Asaib Ahl al-Haq", true);
        assert!(
            side_match(&side, &aah).is_none(),
            "named other faction: no group"
        );
        let militia = p(Some("IRQ"), "PRM", "militia", false);
        assert_eq!(side_match(&side, &militia).unwrap().0, Certainty::Possible);
        let syrian = p(Some("SYR"), "REB", "armed factions", false);
        assert!(side_match(&side, &syrian).is_none());
        let iraqi_army = p(Some("IRQ"), "MIL", "forces", false);
        assert!(side_match(&side, &iraqi_army).is_none());
        // With an unnamed group of factions, another named faction is possible too.
        let group = p(Some("IRN"), "PRM", "armed factions", false);
        let side = vec![kh, group];
        assert_eq!(side_match(&side, &aah).unwrap().0, Certainty::Possible);
    }

    #[test]
    fn protected_side_is_the_country_for_state_targets() {
        let us_forces = p(Some("USA"), "MIL", "forces", false);
        let embassy = p(Some("USA"), "GOV", "ambassador / embassy", false);
        let side = vec![us_forces];
        assert!(protected_match(&side, &embassy).is_some());
        let iraqi = p(Some("IRQ"), "MIL", "forces", false);
        assert!(protected_match(&side, &iraqi).is_none());
    }

    #[test]
    fn trigger_targets_with_allies() {
        let pmf = p(Some("IRQ"), "PRM", "Popular Mobilization Forces", true);
        let kh = p(Some("IRQ"), "PRM", "Kataib Hezbollah", true);
        assert!(trigger_target_match(std::slice::from_ref(&pmf), false, &kh).is_none());
        let (c, _) = trigger_target_match(std::slice::from_ref(&pmf), true, &kh).unwrap();
        assert_eq!(c, Certainty::Possible);
        let (c, _) = trigger_target_match(
            &[pmf],
            false,
            &p(Some("IRQ"), "PRM", "Popular Mobilization Forces", true),
        )
        .unwrap();
        assert_eq!(c, Certainty::Certain);
    }
}
