//! The seed floor: kb ingests the bundled corpus and `kb eval` scores it
//! against the project's copy of the seed gold; the build fails below the
//! targets of the names and events work.

mod common;
use common::*;

#[test]
fn the_bundled_corpus_scores_above_the_seed_floor() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus();
    let r = run_in(dir.path(), &["ingest", "--quiet", corpus.to_str().unwrap()]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds");
    let r = run_in(
        dir.path(),
        &[
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            "--min",
            "people=0.93",
            "--min",
            "orgs=0.90",
            "--min",
            "bases=0.85",
            "--min",
            "events=0.80",
            "--min",
            "dates=0.90",
        ],
    );
    println!("{}", r.stdout);
    assert_eq!(r.status, 0, "below the seed floor:\n{}{}", r.stdout, r.stderr);
    assert!(r.stdout.lines().last().unwrap().starts_with("score: "), "{}", r.stdout);
}

#[test]
fn extract_json_offsets_slice_the_normalized_body() {
    let dir = tempfile::tempdir().unwrap();
    let article = common::corpus().join("001_d1dad8ba81df5b04.txt");
    let r = run_in(dir.path(), &["extract", article.to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
    let slice = |s: &serde_json::Value| -> String {
        body[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize].iter().collect()
    };
    let mentions = v["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        assert_eq!(slice(m), m["surface"].as_str().unwrap());
        assert!(["person", "organization", "base"].contains(&m["type"].as_str().unwrap()));
    }
    for d in v["dates"].as_array().unwrap() {
        assert_eq!(slice(d), d["text"].as_str().unwrap());
    }
    // the article's own words: the commission met "on Sunday", published 2024-02-11
    let sunday = v["dates"].as_array().unwrap().iter().find(|d| d["text"] == "on Sunday").expect("on Sunday");
    assert_eq!(sunday["value"], "2024-02-11");
    assert_eq!(sunday["precision"], "day");
    assert!(v["events"].as_array().unwrap().iter().any(|e| e["kind"] == "meeting" && e["date"] == "2024-02-11"));
    // nothing was written
    assert!(!dir.path().join("kb.db").exists());
}

#[test]
fn extract_without_a_publication_date_leaves_relative_dates_unresolved() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(
        dir.path(),
        &["extract", "-", "--format", "json"],
        b"The commission met on Sunday in Baghdad. The coalition was formed in September 2014.\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let dates: Vec<(String, serde_json::Value)> =
        v["dates"].as_array().unwrap().iter().map(|d| (d["text"].as_str().unwrap().to_string(), d["value"].clone())).collect();
    assert_eq!(
        dates,
        vec![("on Sunday".to_string(), serde_json::Value::Null), ("in September 2014".to_string(), serde_json::json!("2014-09"))]
    );
}
