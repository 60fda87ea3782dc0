use marsad_coder::*;
use marsad_store::*;
#[test]
fn perf() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("p.db")).unwrap();
    let mk = |d: usize, s: u32| Event {
        id: format!("{d}-{s}"),
        date: format!("2024-01-{:02}", d % 28 + 1),
        event: vec!["ASSAULT".into()],
        actor: vec![Entity {
            code: Some("USA".into()),
            entity_text: "القوات الأميركية".into(),
            ..Default::default()
        }],
        recipient: vec![Entity {
            code: Some("IRQ".into()),
            entity_text: "الجيش".into(),
            ..Default::default()
        }],
        mode: vec![],
        context: vec![],
        event_text: vec!["قصف".into()],
        event_scale: -9.0,
        quad_code: 4,
        text: "قصفت القوات الأميركية مواقع للجيش العراقي في بغداد".into(),
        text_info: TextInfo {
            sequence: s,
            start: 0,
            end: 10,
        },
        cite_info: CiteInfo {
            citation: d.to_string(),
            language: "ar".into(),
            ..Default::default()
        },
        aux_mode: vec![],
        condition: None,
        attribution: None,
        evidence: vec![],
    };
    let docs: Vec<DocumentWrite> = (0..5000)
        .map(|d| DocumentWrite {
            id: d.to_string(),
            date: None,
            title: None,
            url: None,
            source: None,
            sentences: (0..5)
                .map(|s| SentenceWrite {
                    sequence: s,
                    start: 0,
                    end: 50,
                    text: "قصفت القوات الأميركية مواقع للجيش العراقي في بغداد".into(),
                })
                .collect(),
            events: (0..3).map(|s| mk(d, s)).collect(),
        })
        .collect();
    let t = std::time::Instant::now();
    for chunk in docs.chunks(500) {
        store.write_batch(chunk).unwrap();
    }
    eprintln!("write 5000 docs/15000 events: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    store.write_batch(&docs).unwrap();
    eprintln!("rewrite all in one batch: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let n = store
        .events(&EventFilter {
            text: Some("بغداد".into()),
            actor: Some("الاميركية".into()),
            ..Default::default()
        })
        .unwrap()
        .len();
    eprintln!("query {n}: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let s = store
        .stats(&EventFilter {
            country: Some("irq".into()),
            ..Default::default()
        })
        .unwrap();
    eprintln!("stats {}: {:?}", s.total, t.elapsed());
}
