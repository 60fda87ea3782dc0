//! Readings a written word allows, beyond what its normalised form says.
//!
//! Normalisation (marsad_text) folds hamza forms into ا, ة into ه and drops diacritics, so
//! that the many spellings of a word meet one lexicon entry. It also makes some trigger
//! forms identical to far commoner words: هنأ (congratulated) and هنا (here), لوّحه and لوحة
//! (handled in the text layer), the jussive يصب and يصب 'pours', فجّر 'detonated' and فجر
//! 'dawn'. The checks here look at the word as written and at its neighbours to keep only
//! the trigger readings it can have. Each is a general fact of Arabic spelling or
//! morphology, not a fix for one sentence.

use marsad_lexicon::{Trigger, TriggerKind};
use marsad_text::clitic::proclitic;
use marsad_text::{Segmentation, TokenKind, TokenizedSentence};

/// The word at `t`, read through segmentation `seg`, can be a trigger at all: it is not a
/// hamza homograph written without its hamza, a jussive outside a negation, or the dawn.
pub(crate) fn word_reads_as_trigger(
    s: &TokenizedSentence,
    t: usize,
    seg: Option<Segmentation>,
) -> bool {
    !(is_dawn_not_detonate(s, t, seg)
        || is_unhamzated_homograph(s, t, seg)
        || is_jussive_out_of_place(s, t))
}

/// A noun takes no future سـ. A verb form takes no article: with it, it is the verbal
/// noun as a name (الطلب 'demand', الحكم 'the verdict', الفجر 'the dawn'), which the
/// noun entries cover where it is an event. After a preposition it reads as the verbal
/// noun of an action (قام مسلحون بخطف مدير): kept. Verbs that begin with ال themselves
/// (التقى، التزم) are keyed without it, like every lexicon word.
pub(crate) fn clitics_fit(trig: &Trigger, seg: Option<Segmentation>) -> bool {
    let Some(seg) = seg else { return true };
    match trig.kind {
        TriggerKind::Noun => seg.proclitics & proclitic::FUTURE_SA == 0,
        TriggerKind::Verb => seg.proclitics & proclitic::ARTICLE == 0 || trig.lemma_has_article,
    }
}

/// Trigger stems that normalisation (أ إ → ا) makes identical to a far commoner word, with
/// the hamza the trigger is written with: هنأ (congratulated) is not هنا (here), إبعاد
/// (deportation) is not أبعاد (dimensions).
const HAMZA_HOMOGRAPHS: &[(&str, char)] = &[("هنا", 'أ'), ("ابعاد", 'إ')];

/// The word at `t` reads as a homograph trigger but is not written with its hamza.
fn is_unhamzated_homograph(s: &TokenizedSentence, t: usize, seg: Option<Segmentation>) -> bool {
    let w = s.norm_of(t);
    let stem = seg.map(|g| g.stem(w)).unwrap_or(w);
    let Some(&(_, hamza)) = HAMZA_HOMOGRAPHS.iter().find(|(h, _)| *h == stem) else {
        return false;
    };
    s.tokens[t].hamza != Some(hamza)
}

/// Actor words that share their normalised form with another word spelt with the other
/// hamza: إعلام (media) and أعلام (flags: أحرقوا أعلام إسرائيل).
const ACTOR_HAMZA_HOMOGRAPHS: &[(&str, char)] = &[("اعلام", 'إ')];

/// Definite nouns after which الرئيس is the adjective "main" (الشارع الرئيس، السبب الرئيس،
/// المتهم الرئيس), not "the president".
const MAIN_X: &[&str] = &[
    "الشارع",
    "الطريق",
    "المقر",
    "المدخل",
    "المخرج",
    "المعبر",
    "الميدان",
    "السوق",
    "المركز",
    "السبب",
    "الهدف",
    "العامل",
    "المصدر",
    "المتهم",
    "المحور",
    "الممول",
    "الداعم",
    "المطلب",
    "الشريك",
    "المنفذ",
    "الموضوع",
    "البند",
    "الشرط",
    "الدور",
    "الملف",
    "الحدث",
    "المكون",
    "اللاعب",
    "المنافس",
    "العنوان",
    "الخبر",
    "المحرك",
    "المستفيد",
    "المسؤول",
    "الراعي",
];

/// The word at `t` can start an actor name: it is not الرئيس as the adjective "main", nor
/// written with the hamza of a homograph. Unlike triggers, a word written with no hamza at
/// all is kept: actor words are commoner than their homographs, and many papers drop
/// hamzas.
pub(crate) fn word_reads_as_actor(
    s: &TokenizedSentence,
    t: usize,
    seg: Option<Segmentation>,
) -> bool {
    let w = s.norm_of(t);
    if w == "الرءيس"
        && t > 0
        && s.tokens[t - 1].kind == TokenKind::Word
        && MAIN_X.contains(&s.norm_of(t - 1))
    {
        return false;
    }
    let stem = seg.map(|g| g.stem(w)).unwrap_or(w);
    let stem = stem.strip_prefix("ال").unwrap_or(stem);
    match ACTOR_HAMZA_HOMOGRAPHS.iter().find(|(h, _)| *h == stem) {
        Some(&(_, hamza)) => s.tokens[t].hamza.is_none_or(|c| c == hamza),
        None => true,
    }
}

/// Jussive forms of أصاب (لم يصب أحد: nobody was hurt) that, outside a negation, are
/// يصب 'pours, serves' (يصب في مصلحة).
const JUSSIVE_ONLY: &[&str] = &["يصب", "تصب", "يصبن", "تصبن", "يصبوا", "تصبوا"];

/// The word at `t` is a jussive-only trigger form not preceded by لم.
fn is_jussive_out_of_place(s: &TokenizedSentence, t: usize) -> bool {
    let w = s.norm_of(t);
    let bare = w
        .strip_prefix('و')
        .filter(|r| JUSSIVE_ONLY.contains(r))
        .unwrap_or(w);
    JUSSIVE_ONLY.contains(&bare)
        && !(t > 0 && matches!(s.norm_of(t - 1), "لم" | "ولم" | "فلم" | "لما"))
}

/// Undiacritised فجر is both "detonated" and "dawn"; before a day word (فجر الأربعاء،
/// فجر اليوم، فجر 21 أيار) or with the article it is the time of day, not an explosion.
fn is_dawn_not_detonate(s: &TokenizedSentence, t: usize, seg: Option<Segmentation>) -> bool {
    // With the article it is always the dawn (قبل الفجر، صلاة الفجر): the verbal noun of
    // فجّر is تفجير.
    if seg.is_some_and(|g| g.proclitics & proclitic::ARTICLE != 0 && g.stem(s.norm_of(t)) == "فجر")
    {
        return true;
    }
    const DAY_WORDS: &[&str] = &[
        "اليوم",
        "امس",
        "الغد",
        "غد",
        "يوم",
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "الليله",
        "اول",
    ];
    if !matches!(s.norm_of(t), "فجر" | "وفجر") || t + 1 >= s.len() {
        return false;
    }
    s.tokens[t + 1].kind == TokenKind::Number || DAY_WORDS.contains(&s.norm_of(t + 1))
}
