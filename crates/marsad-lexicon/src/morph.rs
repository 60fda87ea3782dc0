//! Arabic inflection for lexicon entries: verb conjugation and nisba (demonym) forms.
//!
//! Analysts write a verb once, as `PAST/PRESENT[/SHORT]` in the 3rd person masculine
//! singular; marsad generates the other persons, numbers and genders of both tenses,
//! including jussive/subjunctive forms (لم يقل، لن يهاجموا). Diacritics are not written in
//! news, so passive forms coincide with active ones and need no generation. The verb class
//! is read from the written endings before normalisation: a final ى (رمى) or ا with present
//! in و (دعا/يدعو) is a defective verb; a final hamza (بدأ) is sound. Hollow and doubled
//! verbs take their short stem (قل، ردد) from the optional third part.

use marsad_text::normalize::{fold_char, Folded};

/// Removes diacritics and tatweel but keeps letter shapes (ى stays ى), for class detection.
fn strip_marks(s: &str) -> String {
    s.chars()
        .filter(|&c| !matches!(fold_char(c), Folded::Drop))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbClass {
    Sound,
    /// Final weak radical y: رمى/يرمي، ألغى/يلغي.
    DefectiveY,
    /// Final weak radical w: دعا/يدعو.
    DefectiveW,
}

/// All written forms (not yet normalised) of a verb given as `past/present[/short]`.
pub fn conjugate(spec: &str) -> Result<Vec<String>, String> {
    Ok(conjugate_tagged(spec)?
        .into_iter()
        .map(|(f, _)| f)
        .collect())
}

/// Tense tag of a generated form: past (perfective), present (imperfective), or both
/// when the written form is shared (أطلق is "he launched" and "I launch").
pub const PAST: u8 = 1;
pub const PRESENT: u8 = 2;

/// Like [`conjugate`], with each form's tense tags ([`PAST`] | [`PRESENT`]).
pub fn conjugate_tagged(spec: &str) -> Result<Vec<(String, u8)>, String> {
    let parts: Vec<String> = spec.split('/').map(|p| strip_marks(p.trim())).collect();
    if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.chars().count() < 2) {
        return Err(format!("verb '{spec}' must be PAST/PRESENT or PAST/PRESENT/SHORT (3rd person masculine singular)"));
    }
    let (past, present) = (&parts[0], &parts[1]);
    let short = parts.get(2);
    let Some(pres_base) = present.strip_prefix('ي') else {
        return Err(format!(
            "present '{present}' must start with ي (3rd person masculine singular)"
        ));
    };
    let last = past.chars().last().unwrap();
    let pres_last = present.chars().last().unwrap();
    let class = match (last, pres_last) {
        ('ى', _) | ('ي', 'ي') | ('ا', 'ي') => VerbClass::DefectiveY,
        ('ا', 'و') => VerbClass::DefectiveW,
        _ => VerbClass::Sound,
    };
    let mut out: Vec<(String, u8)> = Vec::with_capacity(40);
    let tense = std::cell::Cell::new(PAST);
    let mut add = |s: String| match out.iter_mut().find(|(f, _)| *f == s) {
        Some((_, t)) => *t |= tense.get(),
        None => out.push((s, tense.get())),
    };
    let pre = ["ي", "ت", "ن", "ا"];
    match class {
        VerbClass::Sound => {
            let sh = short.unwrap_or(past);
            add(past.clone());
            for suf in ["ت", "ا", "تا", "وا"] {
                add(format!("{past}{suf}"));
            }
            for suf in ["ت", "ن", "نا", "تم", "تما", "تن"] {
                add(format!("{sh}{suf}"));
            }
            tense.set(PRESENT);
            for p in pre {
                add(format!("{p}{pres_base}"));
            }
            for p in ["ي", "ت"] {
                for suf in ["ون", "ان", "وا", "ين", "ي", "ا"] {
                    add(format!("{p}{pres_base}{suf}"));
                }
            }
            if let Some(sh) = short {
                // Jussive and feminine plural of hollow/doubled verbs: لم يقل، يقلن.
                let jb = sh
                    .strip_prefix(['ا', 'أ', 'إ'])
                    .filter(|r| r.chars().count() >= 2)
                    .unwrap_or(sh);
                // Not the 1st person: اشد would collide with the elative أشد, and the
                // plural نصب (أصاب) / نقل (قال) with far commoner words (erected, reported).
                for p in ["ي", "ت"] {
                    add(format!("{p}{jb}"));
                }
                add(format!("ي{jb}ن"));
                add(format!("ت{jb}ن"));
            } else {
                add(format!("ي{pres_base}ن"));
                add(format!("ت{pres_base}ن"));
            }
        }
        VerbClass::DefectiveY | VerbClass::DefectiveW => {
            let root: String = {
                let mut c: Vec<char> = past.chars().collect();
                c.pop();
                c.into_iter().collect()
            };
            let pb: String = {
                let mut c: Vec<char> = pres_base.chars().collect();
                c.pop();
                c.into_iter().collect()
            };
            let (glide, final_past, final_pres) = if class == VerbClass::DefectiveY {
                ("ي", "ى", "ي")
            } else {
                ("و", "ا", "و")
            };
            add(past.clone());
            add(format!("{root}{final_past}"));
            for suf in ["ت", "تا", "وا"] {
                add(format!("{root}{suf}"));
            }
            add(format!("{root}{glide}ا"));
            for suf in ["ت", "نا", "تم", "تما", "تن", "ن"] {
                add(format!("{root}{glide}{suf}"));
            }
            tense.set(PRESENT);
            for p in pre {
                add(format!("{p}{pb}{final_pres}"));
                add(format!("{p}{pb}"));
            }
            for p in ["ي", "ت"] {
                for suf in ["ون", "وا", "ين"] {
                    add(format!("{p}{pb}{suf}"));
                }
                add(format!("{p}{pb}{glide}ان"));
                add(format!("{p}{pb}{glide}ا"));
                add(format!("{p}{pb}{glide}ن"));
            }
        }
    }
    Ok(out)
}

/// Forms of a nisba adjective given in the masculine singular (`عراقي`): feminine, duals
/// and sound plurals. Other words are returned as they are.
pub fn nisba_forms(base: &str) -> Vec<String> {
    let b = strip_marks(base.trim());
    if !b.ends_with('ي') {
        return vec![b];
    }
    let mut v = vec![b.clone()];
    for suf in ["ة", "ون", "ين", "ات", "ان", "تان", "تين"] {
        v.push(format!("{b}{suf}"));
    }
    v
}

/// The indefinite accusative of a one-word noun or adjective: the written alif of the
/// tanween (مسلح -> مسلحا, جندي -> جنديا, شخص -> شخصا). News text counts victims and
/// attackers in the accusative (قتل 11 مسلحا، إن جنديا عراقيا قتل), so a term listed in
/// the nominative must match there too. None where Arabic writes no such alif: forms with
/// the article, several words, a final ta marbuta, alif, alif maqsura or hamza, and sound
/// plurals and duals (مسلحون، مسلحين، قوات، جنديان), whose endings take no tanween alif.
pub fn accusative_form(form: &str) -> Option<String> {
    let b = strip_marks(form.trim());
    let no_alif_after = ['ة', 'ا', 'ى', 'ء', 'أ', 'إ', 'آ', 'ئ', 'ؤ'];
    let plural = ["ون", "ين", "ات", "ان"].iter().any(|e| b.ends_with(e));
    let short = b.chars().count() < 3;
    if b.contains(' ') || b.starts_with("ال") || plural || short || b.ends_with(no_alif_after) {
        return None;
    }
    Some(format!("{b}ا"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::normalize;

    fn forms(spec: &str) -> Vec<String> {
        conjugate(spec)
            .unwrap()
            .iter()
            .map(|f| normalize(f))
            .collect()
    }

    fn has(spec: &str, f: &str) -> bool {
        forms(spec).contains(&normalize(f))
    }

    #[test]
    fn sound_verb() {
        for f in [
            "قتل",
            "قتلت",
            "قتلوا",
            "قتلا",
            "قتلتا",
            "قتلنا",
            "يقتل",
            "تقتل",
            "يقتلون",
            "يقتلوا",
            "تقتلان",
            "يقتلن",
            "نقتل",
        ] {
            assert!(has("قتل/يقتل", f), "missing {f}");
        }
    }

    #[test]
    fn form_iv_and_viii() {
        assert!(has("أطلق/يطلق", "أطلقت"));
        assert!(has("أطلق/يطلق", "يطلقون"));
        assert!(has("اتفق/يتفق", "اتفقت"));
        assert!(has("اتفق/يتفق", "يتفقوا"));
    }

    #[test]
    fn hollow_verb_uses_short_stem() {
        for f in [
            "قال",
            "قالت",
            "قالوا",
            "قلنا",
            "قلت",
            "يقول",
            "يقولون",
            "يقل",
            "نقول",
        ] {
            assert!(has("قال/يقول/قل", f), "missing {f}");
        }
        assert!(has("أراد/يريد/أرد", "يرد"));
        assert!(has("اختار/يختار/اختر", "يختر"));
    }

    #[test]
    fn doubled_verb() {
        assert!(has("ردّ/يردّ/ردد", "ردت"));
        assert!(has("ردّ/يردّ/ردد", "رددنا"));
        assert!(has("هدد/يهدد", "هددت"));
    }

    #[test]
    fn defective_y() {
        for f in [
            "ألغى",
            "ألغت",
            "ألغوا",
            "ألغينا",
            "يلغي",
            "يلغون",
            "تلغي",
            "يلغيان",
        ] {
            assert!(has("ألغى/يلغي", f), "missing {f}");
        }
        assert!(has("نفى/ينفي", "نفت"));
    }

    #[test]
    fn defective_w() {
        for f in [
            "دعا",
            "دعت",
            "دعوا",
            "دعونا",
            "يدعو",
            "تدعو",
            "يدعون",
            "يدعوان",
        ] {
            assert!(has("دعا/يدعو", f), "missing {f}");
        }
    }

    #[test]
    fn final_hamza_is_sound() {
        assert!(has("بدأ/يبدأ", "بدأت"));
        assert!(has("بدأ/يبدأ", "يبدأون"));
    }

    #[test]
    fn rejects_bad_specs() {
        assert!(conjugate("قتل").is_err());
        assert!(conjugate("قتل/تقتل").is_err());
        assert!(conjugate("قتل/يقتل/قت/ل").is_err());
    }

    #[test]
    fn tense_tags() {
        let t = conjugate_tagged("قتل/يقتل").unwrap();
        let tag = |f: &str| t.iter().find(|(x, _)| x == f).map(|(_, g)| *g);
        assert_eq!(tag("قتلوا"), Some(PAST));
        assert_eq!(tag("يقتلون"), Some(PRESENT));
        let t = conjugate_tagged("أطلق/يطلق").unwrap();
        assert_eq!(
            t.iter().find(|(x, _)| x == "أطلق").map(|(_, g)| *g),
            Some(PAST)
        );
        assert_eq!(
            t.iter().find(|(x, _)| x == "اطلق").map(|(_, g)| *g),
            Some(PRESENT)
        );
    }

    #[test]
    fn nisba() {
        let v: Vec<String> = nisba_forms("عراقي").iter().map(|f| normalize(f)).collect();
        for f in ["عراقي", "عراقية", "عراقيون", "عراقيين", "عراقيات"]
        {
            assert!(v.contains(&normalize(f)));
        }
        assert_eq!(nisba_forms("أكراد"), vec!["أكراد".to_string()]);
    }

    #[test]
    fn accusative() {
        assert_eq!(accusative_form("مسلح").as_deref(), Some("مسلحا"));
        assert_eq!(accusative_form("جندي").as_deref(), Some("جنديا"));
        assert_eq!(accusative_form("عراقي").as_deref(), Some("عراقيا"));
        for none in [
            "مسلحون",
            "قوات",
            "شرطة",
            "الجيش",
            "رجال الأمن",
            "جنديان",
            "نساء",
        ] {
            assert_eq!(accusative_form(none), None, "{none}");
        }
    }
}
