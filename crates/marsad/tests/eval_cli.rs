//! `marsad eval gsr`, `marsad eval spans` and `marsad train` run as a real process on small
//! files in the gold standard's formats, written here (never `../shared`, so these pass in
//! a fresh clone). The sentences are plain news Arabic; the figures asserted are the ones
//! the file's labels imply for a coder that finds these clear reports and nothing in the
//! sentences without violence.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const HEADER: &str = "id,event_type,label,accept,reject,total,text\n";

/// A car bombing that kills soldiers: a report of ASSAULT by any reading.
const BOMBING: &str =
    "قتل ثلاثة جنود عراقيين أمس في هجوم انتحاري بسيارة مفخخة استهدف نقطة تفتيش للشرطة في الموصل.";
/// An assassination by gunmen.
const ASSASSINATION: &str =
    "وأعلنت الشرطة أن مسلحين مجهولين اغتالوا أمس مدير شرطة الحلة بإطلاق النار على سيارته.";
/// A roadside bomb that kills two policemen.
const ROADSIDE_BOMB: &str = "وقتل اثنان من عناصر الشرطة في انفجار عبوة ناسفة قرب بعقوبة.";
/// Sentences without violence.
const OIL: &str = "ارتفعت أسعار النفط في الأسواق العالمية أمس.";
const MINISTER: &str = "وقال الوزير إن الحكومة ستواصل مكافحة الإرهاب في كل المحافظات.";
const DIALOGUE: &str = "ودعا الرئيس إلى الحوار بين الأطراف.";

fn marsad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_marsad"));
    c.env_remove("MARSAD_LEXICON");
    c
}

fn run(args: &[&str]) -> Output {
    marsad().args(args).output().expect("marsad runs")
}

fn json_of(o: &Output) -> Value {
    let out = String::from_utf8_lossy(&o.stdout);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn u(v: &Value, k: &str) -> u64 {
    v[k].as_u64()
        .unwrap_or_else(|| panic!("no count {k} in {v}"))
}

/// A GSR CSV row; the text is quoted because it may hold commas.
fn row(id: &str, label: &str, votes: (u32, u32), text: &str) -> String {
    let (accept, total) = votes;
    format!(
        "{id},ASSAULT,{label},{accept},{},{total},\"{text}\"\n",
        total - accept
    )
}

/// Two yes, two ambiguous (2-1 and 0-1), one difficult no, two easy no, and one row with an
/// unknown label.
fn gsr_file(dir: &Path) -> std::path::PathBuf {
    let mut s = String::from(HEADER);
    s += &row("AAW_ARB_20080105.0001-1", "yes", (3, 3), BOMBING);
    s += &row("AAW_ARB_20080105.0001-2", "easy no", (0, 3), OIL);
    s += &row("AAW_ARB_20080105.0002-1", "yes", (3, 3), ASSASSINATION);
    s += &row("AAW_ARB_20080105.0002-2", "difficult no", (1, 3), MINISTER);
    s += &row(
        "AAW_ARB_20080105.0003-1",
        "ambiguous",
        (2, 3),
        ROADSIDE_BOMB,
    );
    s += &row("AAW_ARB_20080105.0003-2", "maybe", (2, 3), DIALOGUE);
    // One annotator, who rejected it: "ambiguous" in the GSR, a negative by its votes.
    s += &row("AAW_ARB_20080105.0004-1", "ambiguous", (0, 1), MINISTER);
    s += &row("AAW_ARB_20080105.0003-3", "easy no", (0, 3), DIALOGUE);
    let path = dir.join("assault.csv");
    fs::write(&path, s).unwrap();
    path
}

#[test]
fn eval_gsr_counts_labels_skips_bad_rows_and_leaves_out_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let file = gsr_file(dir.path());
    let o = run(&[
        "eval",
        "gsr",
        "--type",
        "assault",
        "--json",
        file.to_str().unwrap(),
    ]);
    // The row with an unknown label is reported with its line and the exit status says so.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("assault.csv:7: skipped row"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("unknown label 'maybe'"),
        "{}",
        stderr(&o)
    );
    let v = json_of(&o);
    assert_eq!(v["event_type"], "ASSAULT");
    assert_eq!(
        (u(&v, "rows"), u(&v, "skipped"), u(&v, "ambiguous")),
        (7, 1, 2)
    );
    assert_eq!((u(&v, "positives"), u(&v, "negatives")), (2, 3));
    // Both reports found, nothing coded in the three sentences without violence.
    assert_eq!(
        (u(&v, "tp"), u(&v, "fn"), u(&v, "fp"), u(&v, "tn")),
        (2, 0, 0, 3)
    );
    assert_eq!(u(&v["easy_no"], "count"), 2);
    assert_eq!(u(&v["difficult_no"], "count"), 1);
    assert_eq!(v["precision"].as_f64(), Some(1.0));
    assert_eq!(v["f1"].as_f64(), Some(1.0));
}

#[test]
fn eval_gsr_errors_list_the_sentence_and_the_events_coded() {
    let dir = tempfile::tempdir().unwrap();
    // A clear report labelled "easy no" is a false positive; a positive without violence
    // is a false negative.
    let mut s = String::from(HEADER);
    s += &row("AAW_ARB_20080105.0001-1", "easy no", (0, 3), ROADSIDE_BOMB);
    s += &row("AAW_ARB_20080105.0001-2", "yes", (3, 3), DIALOGUE);
    s += &row("AAW_ARB_20080105.0002-1", "yes", (3, 3), BOMBING);
    let file = dir.path().join("errors.csv");
    fs::write(&file, s).unwrap();
    let path = file.to_str().unwrap();

    let o = run(&["eval", "gsr", "--type", "ASSAULT", "--errors", "5", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("tp 1  fp 1  fn 1  tn 0"), "{text}");
    let fp = text
        .find("false positives")
        .expect("false positives listed");
    let fn_ = text
        .find("false negatives")
        .expect("false negatives listed");
    let bomb = text
        .find(ROADSIDE_BOMB)
        .expect("the false positive's sentence");
    assert!(fp < bomb && (bomb < fn_ || fn_ < fp), "{text}");
    assert!(text.contains("AAW_ARB_20080105.0001-2"), "{text}");
    // The false positive shows the event marsad coded, with its trigger.
    assert!(text.contains("ASSAULT actor"), "{text}");
    assert!(text.contains("«عناصر الشرطة»"), "{text}");

    let o = run(&[
        "eval", "gsr", "--type", "ASSAULT", "--errors", "5", "--json", path,
    ]);
    let v = json_of(&o);
    let fps = v["false_positives"].as_array().expect("false_positives");
    assert_eq!(fps.len(), 1);
    assert_eq!(fps[0]["id"], "AAW_ARB_20080105.0001-1");
    assert!(!fps[0]["events"].as_array().unwrap().is_empty());
    let fns = v["false_negatives"].as_array().expect("false_negatives");
    assert_eq!(fns.len(), 1);
    assert_eq!(fns[0]["id"], "AAW_ARB_20080105.0001-2");
}

#[test]
fn eval_gsr_rejects_a_file_without_the_needed_columns_and_an_unknown_type() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.csv");
    fs::write(&file, "id,label\nx,yes\n").unwrap();
    let o = run(&["eval", "gsr", "--type", "ASSAULT", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no 'event_type' column"),
        "{}",
        stderr(&o)
    );

    let o = run(&["eval", "gsr", "--type", "COERCE", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown --type 'COERCE'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn eval_spans_judges_actor_and_recipient_and_reports_bad_entries() {
    let dir = tempfile::tempdir().unwrap();
    let entry = |id: &str,
                 text: &str,
                 actor: &[&str],
                 target: &[&str],
                 a: (&str, &str),
                 t: (&str, &str)| {
        serde_json::json!({
            "source": id, "text": text, "event_type": "ASSAULT",
            "spans": [{"source_actor": actor, "verb": [], "target_actor": target,
                "source_role": {"main": a.0, "role": a.1},
                "target_role": {"main": t.0, "role": t.1}}]
        })
    };
    let entries = serde_json::json!([
        entry(
            "AAW_ARB_20080105.0001-1",
            BOMBING,
            &[],
            &["جنود", "عراقيين"],
            ("None", "None"),
            ("IRQ", "MIL")
        ),
        entry(
            "AAW_ARB_20080105.0002-1",
            ROADSIDE_BOMB,
            &[],
            &["عناصر", "الشرطة"],
            ("None", "None"),
            ("None", "COP")
        ),
        entry("AAW_ARB_20080105.0001-2", OIL, &[], &[], ("None", "None"), ("None", "None")),
        {"source": 7}
    ]);
    let file = dir.path().join("spans.json");
    fs::write(&file, entries.to_string()).unwrap();
    let o = run(&[
        "eval",
        "spans",
        "--type",
        "ASSAULT",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("skipped entry 3"), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(
        (u(&v, "entries"), u(&v, "skipped"), u(&v, "coded")),
        (3, 1, 2)
    );
    // Soldiers and policemen are the victims, with their sectors; the soldiers are Iraqi.
    let r = &v["recipient"];
    assert_eq!((u(&r["found"], "hits"), u(&r["found"], "total")), (2, 2));
    assert_eq!((u(&r["sector"], "hits"), u(&r["sector"], "total")), (2, 2));
    assert_eq!(
        (u(&r["country"], "hits"), u(&r["country"], "total")),
        (1, 1)
    );
    assert_eq!((u(&r["text"], "hits"), u(&r["text"], "total")), (2, 2));
    // No gold actor is given, so none is judged.
    assert_eq!(u(&v["actor"]["sector"], "total"), 0);
}

#[test]
fn train_writes_a_deterministic_model_and_scores_without_ambiguous_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = gsr_file(dir.path());
    let train = |name: &str| {
        let out = dir.path().join(name);
        let pred = dir.path().join(format!("{name}-pred"));
        let o = marsad()
            .args(["train", "--folds", "2", "--out"])
            .arg(&out)
            .arg("--predictions")
            .arg(&pred)
            .arg(&file)
            .output()
            .unwrap();
        (o, out.join("assault.txt"), pred.join("assault.jsonl"))
    };
    let (o, model, pred) = train("a");
    // The malformed row is reported; the model is still written.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("assault.csv:7: skipped row"),
        "{}",
        stderr(&o)
    );
    let text = fs::read_to_string(&model).unwrap();
    assert!(text.contains("7 labelled sentences"), "{text}");
    assert!(
        text.contains("3 trained as positive; 2 `ambiguous` rows"),
        "{text}"
    );
    assert!(text.contains("category\tASSAULT"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("feature\t")), "{text}");
    // The ambiguous row is trained on but not scored; the others are.
    let rows: Vec<Value> = fs::read_to_string(&pred)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        let ambiguous =
            r["id"] == "AAW_ARB_20080105.0003-1" || r["id"] == "AAW_ARB_20080105.0004-1";
        assert_eq!(r["scored"], !ambiguous, "{r}");
        // Trained on the side of the votes, weighted by their margin.
        let (gold, weight) = match r["id"].as_str().unwrap() {
            "AAW_ARB_20080105.0003-1" => (true, 0.333), // ambiguous 2-1
            "AAW_ARB_20080105.0004-1" => (false, 1.0),  // ambiguous 0-1
            "AAW_ARB_20080105.0002-2" => (false, 0.333), // difficult no 1-2
            "AAW_ARB_20080105.0001-1" | "AAW_ARB_20080105.0002-1" => (true, 1.0),
            _ => (false, 1.0),
        };
        assert_eq!(
            (r["gold"].as_bool(), r["weight"].as_f64()),
            (Some(gold), Some(weight)),
            "{r}"
        );
        // Sentences without violence have no candidate and are predicted negative.
        if r["text"] == OIL || r["text"] == DIALOGUE {
            assert_eq!(r["candidate"], false, "{r}");
            assert_eq!(r["predicted"], false, "{r}");
        }
    }
    // Same input, same model, byte for byte.
    let (_, again, _) = train("b");
    assert_eq!(text, fs::read_to_string(again).unwrap());

    // The model it wrote loads: the repository's lexicon with this model in place of the
    // shipped one passes `marsad lexicon`, and the coder then uses it.
    let lexicon = dir.path().join("lexicon");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lexicon"),
        &lexicon,
    );
    fs::copy(&model, lexicon.join("model/assault.txt")).unwrap();
    let o = run(&["lexicon", "--lexicon", lexicon.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn train_rejects_a_category_without_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("coerce.csv");
    fs::write(
        &file,
        format!("{HEADER}AAW_ARB_20080105.0001-1,COERCE,yes,3,0,3,\"{BOMBING}\"\n"),
    )
    .unwrap();
    let o = marsad()
        .args(["train", "--out"])
        .arg(dir.path().join("m"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no filter is trained for COERCE"),
        "{}",
        stderr(&o)
    );
}
