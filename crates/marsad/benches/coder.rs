//! Criterion benchmark of the whole coder (text layer, lexicon matching, argument and
//! modality analysis) on a realistic Arabic news paragraph written for marsad.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use marsad_coder::{Coder, DocumentRef};
use marsad_lexicon::Lexicon;

const ARTICLE: &str = "أعلنت كتائب حزب الله المدعومة من إيران، الأحد، أن الفصائل المسلحة اتفقت على تعليق هجماتها الصاروخية على القوات الأميركية، بشرط أن تقدم الحكومة العراقية جدولاً زمنياً لانسحاب القوات الأميركية. وأكد المتحدث باسم الكتائب أن الهدنة ستلغى في حال استهدفت قوات الحشد الشعبي. وقُتل ٣ جنود وأصيب ١٢ آخرون في هجوم بعبوة ناسفة استهدف رتلاً للتحالف الدولي جنوبي بغداد. وتظاهر آلاف العراقيين في ساحة التحرير احتجاجا على البطالة. واتهم مسؤولون أميركيون الميليشيات بشن الهجمات.";

fn bench(c: &mut Criterion) {
    let coder = Coder::new(Lexicon::embedded().expect("lexicon"));
    let sentences = 5u64;
    let mut g = c.benchmark_group("coder");
    g.throughput(Throughput::Elements(sentences));
    g.bench_function("code_article_5_sentences", |b| {
        b.iter(|| {
            let doc = DocumentRef {
                id: "bench",
                text: black_box(ARTICLE),
                date: "2020-10-11",
                title: None,
                url: None,
                source: None,
            };
            coder.code(&doc).events.len()
        })
    });
    g.finish();
    c.bench_function("lexicon_load_embedded", |b| {
        b.iter(|| Lexicon::embedded().unwrap().actors.len())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
