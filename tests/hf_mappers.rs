//! Every config.json in the snapshot maps (or fails with a named field); printed for review
//! with `cargo test --test hf_mappers -- --nocapture`.
use codefit::engine::import;
use std::path::Path;

#[test]
fn every_snapshot_config_maps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = import::read_dir(&root.join("sources")).unwrap();
    let mut failures = Vec::new();
    for (path, text) in &files {
        if !(path.starts_with("hf/") && path.ends_with("config.json")) {
            continue;
        }
        match import::hf::map_config(text) {
            Ok(m) => println!(
                "{path}: {} layers={} heads={} ctx={} experts={:?} mtp={} q={:?} groups={:?}",
                m.model_type,
                m.layers,
                m.attention_heads,
                m.max_context,
                m.experts,
                m.mtp_layers,
                m.quant_method,
                m.layer_groups
            ),
            Err(e) => failures.push(format!("{path}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
