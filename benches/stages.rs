//! Time per extraction stage over a JSON Lines corpus, single-threaded, so a
//! change to one stage can be measured alone: `cargo bench --bench stages --
//! FILE.jsonl` (a corpus from `../shared/bench/make-corpus --format jsonl`).

use kb::extract::{self, dates, events, names, text, Gazetteer};
use std::io::BufRead;
use std::time::{Duration, Instant};

// The allocator of kb's binary (see src/main.rs), so each stage is timed as
// it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| !a.starts_with("--")).expect("usage: stages [--warm] FILE.jsonl");
    // `--warm`: a first pass builds the regexes and automata compiled on
    // first use, so that the second counts only the work of each article; a
    // profiler can be limited to it (`stages::measured`)
    if args.iter().any(|a| a == "--warm") {
        std::hint::black_box(warm(path));
    }
    std::hint::black_box(measured(path));
}

#[inline(never)]
fn warm(path: &str) -> usize {
    println!("warm-up pass (not measured):");
    run(path)
}

#[inline(never)]
fn measured(path: &str) -> usize {
    run(path)
}

/// Runs every stage over the corpus and prints the time each took;
/// returns the number of articles.
fn run(path: &str) -> usize {
    let gaz = Gazetteer::new(extract::dictionary::bundled());
    let defaults = kb::article::Defaults { max_size: kb::article::DEFAULT_MAX_SIZE, ..Default::default() };
    let mut times = [Duration::ZERO; 5];
    let mut n = 0usize;
    let mut bytes = 0usize;
    for (i, line) in std::io::BufReader::new(std::fs::File::open(path).unwrap()).lines().enumerate() {
        let line = line.unwrap();
        let t = Instant::now();
        let raw = kb::article::Raw::JsonLine { path: format!("x:{i}"), line: line.into_bytes() };
        let Ok(a) = kb::article::parse(raw, &defaults) else { continue };
        times[0] += t.elapsed();
        let t = Instant::now();
        let sentences = text::sentences(&a.body);
        times[1] += t.elapsed();
        let t = Instant::now();
        let (entities, mentions) = names::recognize(&a.body, &sentences, &gaz);
        times[2] += t.elapsed();
        let t = Instant::now();
        let ds = dates::find_dates(&a.body, &sentences, a.meta.published);
        times[3] += t.elapsed();
        let t = Instant::now();
        let evs = events::find_events(&events::Input {
            body: &a.body,
            sentences: &sentences,
            entities: &entities,
            mentions: &mentions,
            dates: &ds,
            published: a.meta.published,
        });
        times[4] += t.elapsed();
        std::hint::black_box(evs);
        n += 1;
        bytes += a.body.len();
    }
    println!("{n} articles, {:.1} MB", bytes as f64 / 1e6);
    for (name, t) in ["parse+normalize", "sentences", "names", "dates", "events"].iter().zip(times) {
        println!("{name:<16} {:>8.3} s  {:>8.1} us/article", t.as_secs_f64(), t.as_secs_f64() * 1e6 / n as f64);
    }
    n
}
