//! Criterion benchmark of the text layer: sentence splitting and tokenisation of a
//! realistic Arabic news paragraph.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use marsad_text::{normalize, split_sentences, tokenize, TokenizedSentence};

const PARAGRAPH: &str = "أعلنت كتائب حزب الله المدعومة من إيران، الأحد، أن مجموعة من الفصائل المسلحة اتفقت على تعليق هجماتها الصاروخية على القوات الأميركية، بشرط أن تقدم الحكومة العراقية جدولاً زمنياً لانسحاب القوات الأميركية., وقال المتحدث باسم الكتائب لرويترز إن الهجمات قد تستأنف «إذا لم يُحترم قرار البرلمان». وقُتل ٣ جنود وأصيب ١٢ آخرون في هجوم بعبوة ناسفة استهدف رتلاً للتحالف الدولي جنوبي بغداد.";

fn bench(c: &mut Criterion) {
    let text = PARAGRAPH.repeat(20);
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize", |b| b.iter(|| normalize(black_box(&text))));
    g.bench_function("split_sentences", |b| {
        b.iter(|| split_sentences(black_box(&text)))
    });
    g.bench_function("split_and_tokenize", |b| {
        let mut buf = TokenizedSentence::default();
        b.iter(|| {
            let mut n = 0;
            for s in split_sentences(black_box(&text)) {
                tokenize(&text, &s, &mut buf);
                n += buf.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
