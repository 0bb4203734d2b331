//! `dyad eval`: scores against gold annotations.

use crate::cli::EvalCommand;
use anyhow::{Context, Result};
use dyad_time::eval::{score, Counts, Difference};
use dyad_time::timeml::{AnnotatedTimex, TimemlDocument};
use dyad_time::{Mode, TagOptions, Tagger};
use std::path::{Path, PathBuf};

pub fn run(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Entities { corpus, errors } => entities(corpus.as_deref(), errors),
        EvalCommand::Events {
            gold,
            facts,
            file,
            quiet,
            input,
        } => events(&gold, facts.as_deref(), file.as_deref(), quiet, &input),
        EvalCommand::Timex {
            gold,
            system,
            mode,
            per_file,
            errors,
            json,
        } => timex(&gold, system.as_deref(), &mode, per_file, errors, json),
    }
}

fn tml_files(root: &Path) -> Result<Vec<PathBuf>> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("{}: cannot list", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Gold TIMEX3s less the document creation time repeated inside the text (WikiWars' header).
fn scored_timexes(doc: &TimemlDocument) -> Vec<AnnotatedTimex> {
    doc.timexes
        .iter()
        .filter(|t| doc.dct_tid.as_deref() != Some(t.tid.as_str()))
        .cloned()
        .collect()
}

fn timex(
    gold_root: &Path,
    system_root: Option<&Path>,
    mode: &str,
    per_file: bool,
    errors: bool,
    json: bool,
) -> Result<()> {
    let mode: Option<Mode> = if mode == "auto" {
        None
    } else {
        Some(mode.parse().map_err(anyhow::Error::msg)?)
    };
    let tagger = Tagger::new()?;
    let files = tml_files(gold_root)?;
    anyhow::ensure!(!files.is_empty(), "{}: no .tml files", gold_root.display());
    let mut total = Counts::default();
    let mut rows = Vec::new();
    let mut all_differences: Vec<(String, Difference)> = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let gold = TimemlDocument::parse(&source, &path.display().to_string())?;
        let gold_timexes = scored_timexes(&gold);
        let excluded: Vec<_> = gold
            .timexes
            .iter()
            .filter(|t| !gold_timexes.contains(t))
            .map(|t| t.span)
            .collect();
        let (system_text, system_timexes) = match system_root {
            Some(root) => {
                let relative = path.strip_prefix(gold_root).unwrap_or(path);
                let system_path = if root.is_file() {
                    root.to_path_buf()
                } else {
                    root.join(relative)
                };
                match std::fs::read_to_string(&system_path) {
                    Ok(text) => {
                        let doc = TimemlDocument::parse(&text, &system_path.display().to_string())?;
                        let timexes = scored_timexes(&doc);
                        (doc.text, timexes)
                    }
                    Err(_) => (gold.text.clone(), Vec::new()),
                }
            }
            None => {
                let options = TagOptions {
                    mode: mode
                        .unwrap_or_else(|| dyad_time::detect_mode(&gold.text, gold.dct.as_deref())),
                    dct: gold.dct.clone(),
                };
                let tagging = tagger.tag(&gold.text, &options);
                let timexes = tagging
                    .timexes
                    .iter()
                    .filter(|t| !excluded.iter().any(|e| e.overlaps(&t.span)))
                    .map(|t| AnnotatedTimex {
                        span: t.span,
                        tid: String::new(),
                        kind: t.kind.as_str().to_string(),
                        value: t.value.clone(),
                        modifier: t.modifier.clone(),
                    })
                    .collect();
                (gold.text.clone(), timexes)
            }
        };
        let (counts, differences) = score(&gold.text, &gold_timexes, &system_text, &system_timexes);
        total += counts;
        rows.push((name.clone(), counts));
        all_differences.extend(differences.into_iter().map(|d| (name.clone(), d)));
    }
    if json {
        let per_file: Vec<_> = rows
            .iter()
            .map(|(n, c)| serde_json::json!({"file": n, "counts": c, "scores": c.scores()}))
            .collect();
        out!(
            "{}",
            serde_json::json!({"files": files.len(), "counts": total, "scores": total.scores(), "per_file": per_file})
        );
        return Ok(());
    }
    out!(
        "{:<34} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6}",
        "file",
        "gold",
        "sys",
        "str-P",
        "str-R",
        "str-F1",
        "rel-P",
        "rel-R",
        "rel-F1",
        "val-F1",
        "type-F1"
    );
    let row = |name: &str, c: &Counts| -> Result<()> {
        let s = c.scores();
        out!(
            "{:<34} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3}",
            name,
            c.gold,
            c.system,
            s.strict_p,
            s.strict_r,
            s.strict_f1,
            s.relaxed_p,
            s.relaxed_r,
            s.relaxed_f1,
            s.value_f1,
            s.type_f1
        );
        Ok(())
    };
    if per_file {
        for (name, counts) in &rows {
            row(name, counts)?;
        }
    }
    row(&format!("ALL ({} files)", files.len()), &total)?;
    if errors {
        for (name, d) in &all_differences {
            out!(
                "{name}\t{}\tgold: {}\tsystem: {}",
                d.kind,
                d.gold.as_deref().unwrap_or("-"),
                d.system.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}

fn events(
    gold_path: &Path,
    facts_path: Option<&Path>,
    file: Option<&Path>,
    quiet: bool,
    input: &crate::cli::InputArgs,
) -> Result<()> {
    use dyad_event::eval::{parse_gold_events, parse_gold_facts, score_events, score_facts};
    let gold_text = std::fs::read_to_string(gold_path)
        .with_context(|| format!("{}: cannot read", gold_path.display()))?;
    let gold = parse_gold_events(&gold_text, &gold_path.display().to_string())?;
    let extractor = dyad_event::Extractor::new()?;
    let mut events = Vec::new();
    let mut facts = Vec::new();
    for doc in crate::input::documents(file, input)? {
        let extraction = extractor.extract(&doc?);
        events.extend(extraction.events.into_iter().filter(|e| e.is_factual()));
        facts.extend(extraction.facts);
    }
    let report = score_events(&gold, &events);
    out!(
        "events: gold {}, extracted {}, matched {}",
        report.gold,
        report.system,
        report.pairs.len()
    );
    out!(
        "detection      P {:.3}  R {:.3}  F1 {:.3}",
        report.detection.precision,
        report.detection.recall,
        report.detection.f1
    );
    out!(
        "fully correct  P {:.3}  R {:.3}  F1 {:.3}",
        report.correct.precision,
        report.correct.recall,
        report.correct.f1
    );
    out!(
        "of matched: kind {:.3}, actors {:.3}, when {:.3}",
        report.kind_accuracy,
        report.actors_accuracy,
        report.when_accuracy
    );
    let facts_path = facts_path.map(Path::to_path_buf).or_else(|| {
        let name = gold_path
            .file_name()?
            .to_string_lossy()
            .replace(".events.jsonl", ".facts.jsonl");
        let sibling = gold_path.with_file_name(name);
        sibling.exists().then_some(sibling)
    });
    if let Some(path) = &facts_path {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let mut gold_facts = parse_gold_facts(&text, &path.display().to_string())?;
        // An organisation may be written by any of its names ("NATO"): compare canonical ones.
        let gazetteer = extractor.recogniser().gazetteer();
        for fact in &mut gold_facts {
            let canonical = fact["organisation"]
                .as_str()
                .and_then(|name| gazetteer.lookup(name))
                .filter(|e| e.kind == dyad_entity::EntityKind::Organisation)
                .map(|e| e.canonical.clone());
            if let Some(name) = canonical {
                fact["organisation"] = serde_json::Value::String(name);
            }
        }
        let score = score_facts(&gold_facts, &facts);
        out!(
            "facts: {}/{} (extracted {}, {} not in the gold)",
            score.found,
            gold_facts.len(),
            facts.len(),
            score.extra.len()
        );
        if !quiet {
            for m in score.missed {
                out!("  missed fact {m}");
            }
            for e in score.extra {
                out!("  extra fact {e}");
            }
        }
    }
    if quiet {
        return Ok(());
    }
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for pair in &report.pairs {
        *confusion
            .entry((
                gold[pair.gold].kind.clone(),
                events[pair.system].kind.clone(),
            ))
            .or_default() += 1;
    }
    out!("\nkind confusion (gold → extracted):");
    for ((g, s), n) in &confusion {
        out!(
            "  {:<22} → {:<22} {n}{}",
            g,
            s,
            if g == s { "" } else { "  ✗" }
        );
    }
    out!("\nwrong details:");
    for pair in report.pairs.iter().filter(|p| !p.correct()) {
        let g = &gold[pair.gold];
        let s = &events[pair.system];
        out!(
            "  {} gold {} {:?} {} | got {} {:?} {} [{}]",
            g.id,
            g.kind,
            g.actors,
            g.when,
            s.kind,
            s.actors,
            s.when.as_deref().unwrap_or("null"),
            s.evidence[0].trigger
        );
    }
    out!("\nmisses:");
    for (index, g) in gold.iter().enumerate() {
        if !report.pairs.iter().any(|p| p.gold == index) {
            out!(
                "  {} {} {:?} {} — {}",
                g.id,
                g.kind,
                g.actors,
                g.when,
                g.anchor
            );
        }
    }
    out!("\nfalse alarms:");
    for (index, s) in events.iter().enumerate() {
        if !report.pairs.iter().any(|p| p.system == index) {
            let sentence: String = s.evidence[0].sentence.chars().take(90).collect();
            out!(
                "  {} {:?} {} [{}] — {sentence}",
                s.kind,
                s.actors,
                s.when.as_deref().unwrap_or("null"),
                s.evidence[0].trigger
            );
        }
    }
    Ok(())
}

fn entities(corpus: Option<&Path>, errors: bool) -> Result<()> {
    use dyad_entity::eval::{evaluate, parse_examples, EXAMPLES};
    let text = match corpus {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?,
        None => EXAMPLES.to_string(),
    };
    let examples = parse_examples(&text)?;
    let recogniser = dyad_entity::Recogniser::new()?;
    let report = evaluate(&recogniser, &examples);
    out!("{} sentences", report.sentences);
    out!(
        "{:<8} {:>5} {:>6} {:>7}  {:>6} {:>6} {:>6}",
        "type",
        "gold",
        "system",
        "correct",
        "P",
        "R",
        "F1"
    );
    for (kind, c) in &report.by_type {
        out!(
            "{:<8} {:>5} {:>6} {:>7}  {:>6.3} {:>6.3} {:>6.3}",
            kind,
            c.gold,
            c.system,
            c.correct,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    if errors {
        for error in &report.errors {
            out!("{error}");
        }
    }
    Ok(())
}
