//! `dyad eval`: scores against gold annotations.

use crate::cli::EvalCommand;
use anyhow::{Context, Result};
use dyad_time::eval::{score, Counts, Difference};
use dyad_time::timeml::{AnnotatedTimex, TimemlDocument};
use dyad_time::{Mode, TagOptions, Tagger};
use std::path::{Path, PathBuf};

pub fn run(command: EvalCommand) -> Result<()> {
    match command {
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
    let mode: Mode = mode.parse().map_err(anyhow::Error::msg)?;
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
                    mode,
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
        println!(
            "{}",
            serde_json::json!({"files": files.len(), "counts": total, "scores": total.scores(), "per_file": per_file})
        );
        return Ok(());
    }
    println!(
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
    let row = |name: &str, c: &Counts| {
        let s = c.scores();
        println!(
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
    };
    if per_file {
        for (name, counts) in &rows {
            row(name, counts);
        }
    }
    row(&format!("ALL ({} files)", files.len()), &total);
    if errors {
        for (name, d) in &all_differences {
            println!(
                "{name}\t{}\tgold: {}\tsystem: {}",
                d.kind,
                d.gold.as_deref().unwrap_or("-"),
                d.system.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}
