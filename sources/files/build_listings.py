# Builds listings.json from hand-transcribed look-up results (see notes.md). No network.
import json

def f(tag, size, unit="GB", parts=None, **kw):
    d = {"tag": tag, "size_gb": size, "unit": unit if size is not None else None, "split_parts": parts}
    d.update(kw)
    return d

HF = "hf_listing"          # size read from a Hugging Face tree/blob page
DOC = "vendor_doc"         # size stated in the quantizer's own docs (unsloth.ai/docs)
TP = "third_party"         # size measured/quoted by a third party (llama.cpp model size, reddit sweep, code constant)

L = []
def add(repo, kind, files, date, source, notes, partial=True, **kw):
    e = {"repo": repo, "kind": kind, "files": files, "listing_date": date, "source": source,
         "partial": partial, "notes": notes}
    e.update(kw)
    L.append(e)

# ---------------- gpt-oss ----------------
add("unsloth/gpt-oss-20b-GGUF", "gguf", [
    f("F16", 13.8, "GB", 1, size_source=HF), f("Q2_K", 11.5, "GB", 1, size_source=HF), f("Q2_K_L", 11.8, "GB", 1, size_source=HF),
    f("Q3_K_M", 11.5, "GB", 1, size_source=HF), f("Q3_K_S", 11.5, "GB", 1, size_source=HF), f("Q4_0", 11.5, "GB", 1, size_source=HF),
    f("Q4_1", 11.6, "GB", 1, size_source=HF), f("Q4_K_M", 11.6, "GB", 1, size_source=HF), f("Q4_K_S", 11.6, "GB", 1, size_source=HF),
    f("Q5_K_M", 11.7, "GB", 1, size_source=HF), f("UD-Q4_K_XL", None, size_source="tag seen as HF widget default; size not captured")],
    None, "https://huggingface.co/unsloth/gpt-oss-20b-GGUF/tree/main",
    "Tree page (stored snapshot; repo 191 GB, 99 commits; files 'uploaded 8 months ago', README 'updated 4 months ago', i.e. files ~2025-08/09). "
    "Excerpt ends after Q5_K_M, so Q5_K_S/Q6_K/Q8_0/UD-* sizes are missing. All K-quants sit at 11.5-11.8 GB because the experts stay MXFP4; "
    "F16 (13.8 GB) is the MXFP4-expert 'full' file. No file literally tagged MXFP4 was visible in the captured part. "
    "HF widget default for -hf is UD-Q4_K_XL.")

add("unsloth/gpt-oss-120b-GGUF", "gguf", [
    f("Q4_K_M", 62.8, "GB", 2, size_source=HF, part_sizes_gb=[49.6, 13.1]),
    f("F16", 60.87, "GiB", None, size_source=TP, via="llama-bench on gpt-oss-120b-F16.gguf (community.frame.work thread)"),
    f("Q3_K_S", 58.27, "GiB", None, size_source=TP), f("Q2_K", 58.27, "GiB", None, size_source=TP),
    f("Q4_0", 58.32, "GiB", None, size_source=TP), f("Q3_K_M", 58.33, "GiB", None, size_source=TP),
    f("Q4_1", 58.41, "GiB", None, size_source=TP), f("Q4_K_S", 58.45, "GiB", None, size_source=TP),
    f("Q4_K_M", 58.46, "GiB", None, size_source=TP), f("Q2_K_L", 58.54, "GiB", None, size_source=TP),
    f("Q5_K_S", 58.56, "GiB", None, size_source=TP), f("Q5_K_M", 58.57, "GiB", None, size_source=TP),
    f("Q4_K_XL", 58.69, "GiB", None, size_source=TP, tag_note="listed without 'UD-' prefix by ailocalcheck; repo probably spells UD-Q4_K_XL (unverified)"),
    f("Q6_K", 58.94, "GiB", None, size_source=TP),
    f("Q6_K_XL", 58.94, "GiB", None, size_source=TP, tag_note="probably UD-Q6_K_XL in repo (unverified)"),
    f("Q8_0", 59.03, "GiB", None, size_source=TP),
    f("Q8_K_XL", 60.05, "GiB", None, size_source=TP, tag_note="probably UD-Q8_K_XL in repo (unverified)"),
    ],
    None, "https://huggingface.co/unsloth/gpt-oss-120b-GGUF/tree/main/Q4_K_M ; https://ailocalcheck.com/model/unsloth/gpt-oss-120b-GGUF?ram=32.0&vram=32",
    "Q4_K_M folder tree (HF, 'uploaded 6 months ago'): gpt-oss-120b-Q4_K_M-00001-of-00002.gguf 49.6 GB + -00002 13.1 GB = 62.8 GB. "
    "ailocalcheck 'Weights' column is labelled GB but its values are GiB of the real files (Q4_K_M 58.46 = 62.8e9 B; F16 60.88 matches llama-bench 60.87 GiB), "
    "so recorded as GiB. Every K-quant is 58.3-59.0 GiB vs F16 60.9 GiB: experts stay MXFP4, quantizing only the small dense part. "
    "Split counts other than Q4_K_M not seen. Thread reports unsloth file ~61 GiB vs ggml-org 60 GiB.")

add("ggml-org/gpt-oss-120b-GGUF", "mxfp4", [
    f("mxfp4", 59.02, "GiB", 3, size_source=TP, files_seen="gpt-oss-120b-mxfp4-00001-of-00003.gguf",
      via="llama-bench model size (community.frame.work); gperdrizet.github.io says ~60 GB download, 3 shards")],
    None, "https://community.frame.work/t/will-the-ai-max-395-128gb-be-able-to-run-gpt-oss-120b/73280/26",
    "Only the MXFP4 file set was seen (MXFP4 experts; thread says embeddings Q8_0 vs unsloth F16). No K-quant tags seen for ggml-org; "
    "run as 'llama-server -hf ggml-org/gpt-oss-120b-GGUF' (tag not needed if it is the only quant — unverified).")

add("bartowski/openai_gpt-oss-20b-GGUF", "gguf", [
    f("MXFP4", 12.1, "GB", 1, size_source=HF + " (model-card table)"), f("Q6_K_L", 12.04, "GB", 1, size_source=HF + " (model-card table)"),
    f("Q6_K", 12.04, "GB", 1, size_source=HF + " (model-card table)")],
    None, "https://huggingface.erdda.com/bartowski/openai_gpt-oss-20b-GGUF/blob/main/README.md?code=true ; https://mygguf.com/models/bartowski_openai_gpt-oss-20b-GGUF.html",
    "Model card table (mirror), llama.cpp b6096 (Aug 2025). Card: 'All quants keep the FFN at mxfp4 ... size differences are negligible'; "
    "MXFP4 file 'recommended'. Table truncated after Q6_K in the stored excerpt. Split=false for all shown.")

add("lmstudio-community/gpt-oss-20b-GGUF", "mxfp4", [
    f("MXFP4", 12.11, "GB", 1, size_source=TP, bytes=12109565632, via="code constant in a GitHub repo (rllama POPULAR_MODELS)")],
    None, "GitHub code (find_string 'gpt-oss-20b-mxfp4.gguf'; rllama cli POPULAR_MODELS)",
    "File gpt-oss-20b-MXFP4.gguf, 12,109,565,632 bytes. Another app catalog lists gpt-oss-20b-MXFP4.gguf at 12,109,566,624 bytes (repo not named). "
    "lmstudio-community/gpt-oss-20b-MLX-8bit also exists (HF activity page).")

add("openai/gpt-oss-20b", "mxfp4", [
    f("safetensors-main", 13.76, "GB", 3, size_source=HF, part_sizes_gb=[4.79, 4.8, 4.17])],
    None, "https://huggingface.co/openai/gpt-oss-20b/tree/refs%2Fpr%2F109",
    "Native MXFP4 (experts) checkpoint; model-00000..00002-of-00002.safetensors = 4.79+4.8+4.17 GB (sum computed). "
    "Whole repo 41.3 GB incl. original/ and metal/ copies. Tree of PR branch refs/pr/109 (same weight files as main presumably).")

add("openai/gpt-oss-120b", "mxfp4", [
    f("safetensors-main", None, "GB", 15, size_source=HF, note="shards alternate 4.63 / 4.12 GB (00000..00014); total not captured"),
    f("original", 65.2, "GB", 7, size_source=HF)],
    None, "https://huggingface.co/openai/gpt-oss-120b/tree/main ; https://huggingface.co/openai/gpt-oss-120b/tree/main/original",
    "Native MXFP4 checkpoint; whole repo 196 GB incl. original/ (65.2 GB, 7 shards) and metal/.")

add("twhitworth/gpt-oss-120b-awq-w4a16", "awq", [
    f("AWQ-W4A16", 33.36, "GB", 11, size_source=HF + " (model-card shard table)")],
    None, "https://hf.ixdev.cn/twhitworth/gpt-oss-120b-awq-w4a16",
    "Third-party AWQ W4A16 of gpt-oss-120b; card table of 11 shards totalling 33.36 GB.")

# ---------------- Qwen3-Coder ----------------
add("unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF", "gguf", [
    f("UD-Q4_K_XL", 17.67, "GB", 1, size_source=TP, bytes=17665334432, via="byte count in a GitHub app catalog (Nook Code mock)"),
    f("Q4_K_M", 18.6, "GB", 1, size_source=TP, via="approx; 'Unsloth GGUF Candidates' doc on GitHub and hyperspaceai card ('Standard Q4_K_M ~4.8 BPW, 18.6 GB')")],
    None, "GitHub code/doc excerpts; https://huggingface.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF/blob/main/README.md",
    "Repo 'Updated Jan 30' (2026, per HF collection snapshots). HF widget default tag UD-Q4_K_XL. No HF tree listing captured.")

add("unsloth/Qwen3-Coder-Next-GGUF", "gguf", [
    f("UD-Q4_K_M", None, size_source="HF widget default tag"),
    f("UD-Q4_K_XL", None, None, 1, size_source="blob page exists: Qwen3-Coder-Next-UD-Q4_K_XL.gguf (single file at root)"),
    f("BF16", None, "GB", 4, size_source="BF16/Qwen3-Coder-Next-BF16-00001-of-00004.gguf")],
    None, "https://huggingface.co/unsloth/Qwen3-Coder-Next-GGUF/tree/main",
    "Tree page excerpt only showed the usage widget; no sizes captured.")

# ---------------- Qwen3.5 ----------------
add("unsloth/Qwen3.5-27B-GGUF", "gguf", [
    f("UD-Q4_K_XL", 16.411, "GiB", 1, size_source=TP), f("Q4_K_M", 15.591, "GiB", 1, size_source=TP),
    f("Q4_K_S", 14.686, "GiB", 1, size_source=TP), f("IQ4_NL", 14.610, "GiB", 1, size_source=TP),
    f("IQ4_XS", 13.949, "GiB", 1, size_source=TP), f("BF16", None, "GB", 2, size_source="BF16/Qwen3.5-27B-BF16-00001-of-00002.gguf")],
    "2026-03-03", "https://theaterfi.re/post/3067683 (mirror of reddit r/LocalLLaMA 1rk5qmr 'Qwen3.5-27B Q4 Quantization Comparison')",
    "Sizes from a community Q4 KLD sweep of files 'available the 03/03/2026' (GiB). Only Q4-class files measured. "
    "Unsloth re-uploaded 27B around 2026-02-27..03 (MXFP4 retired from UD-Q*_K_XL); HF widget default tag UD-Q4_K_XL.")

add("bartowski/Qwen_Qwen3.5-27B-GGUF", "gguf", [
    f("Q4_K_M", 15.952, "GiB", 1, size_source=TP), f("Q4_K_S", 14.985, "GiB", 1, size_source=TP),
    f("IQ4_NL", 14.851, "GiB", 1, size_source=TP), f("IQ4_XS", 14.130, "GiB", 1, size_source=TP)],
    "2026-03-03", "https://theaterfi.re/post/3067683",
    "Same sweep as above. Repo name follows bartowski's 'Qwen_' convention — not seen directly (sweep labels files 'bartowski_Qwen3.5-27B-*').")

add("unsloth/Qwen3.5-35B-A3B-GGUF", "gguf", [
    f("UD-Q4_K_XL", None, None, 1, size_source="blob page exists (Qwen3.5-35B-A3B-UD-Q4_K_XL.gguf); HF widget default"),
    f("BF16", None, "GB", 2, size_source="BF16/Qwen3.5-35B-A3B-BF16-00001-of-00002.gguf")],
    None, "https://huggingface.co/unsloth/Qwen3.5-35B-A3B-GGUF/blob/main/Qwen3.5-35B-A3B-UD-Q4_K_XL.gguf",
    "Re-uploaded 2026-02-27 with MXFP4 removed from UD-Q2/Q3/Q4_K_XL (unsloth reddit post). Community sweeps covered 16-22 GiB files but their tables were not in the stored excerpts.")

# ---------------- Qwen3.6 ----------------
add("unsloth/Qwen3.6-27B-GGUF", "gguf", [
    f("UD-Q4_K_XL", 16.393, "GiB", 1, size_source=TP, via="llama.cpp model size, sokann/Qwen3.6-27B-GGUF-5.076bpw card; a GitHub note says ~17.6GB"),
    f("UD-Q3_K_XL", 13.469, "GiB", 1, size_source=TP, via="sokann/Qwen3.6-27B-GGUF-4.256bpw card"),
    f("IQ4_XS", 14.369, "GiB", 1, size_source=TP, via="sokann/Qwen3.6-27B-GGUF-4.256bpw card"),
    f("Q4_K_M", 16.8, "GB", 1, size_source=TP, via="approx '~16.8GB' in a GitHub setup note"),
    f("Q3_K_M", None, size_source="tag referenced in GitHub code"), f("Q6_K", None, None, 1, size_source="file Qwen3.6-27B-Q6_K.gguf referenced in GitHub code"),
    f("UD-Q6_K_XL", None, size_source="tag referenced in GitHub config"), f("mmproj-F16", None, size_source="mmproj file referenced in GitHub code")],
    None, "http://kk6lht.com/sokann/Qwen3.6-27B-GGUF-5.076bpw ; http://kk6lht.com/sokann/Qwen3.6-27B-GGUF-4.256bpw",
    "Repo 'Updated Apr 22' (2026). HF widget default tag UD-Q4_K_XL. GiB values are llama.cpp-reported model sizes (≈ file size minus metadata; mmproj is a separate file). "
    "Sibling repo unsloth/Qwen3.6-27B-MTP-GGUF (updated May 26) ships UD-Q4_K_XL/UD-Q6_K_XL with MTP head (~17 GB per a GitHub note).")

add("bartowski/Qwen_Qwen3.6-27B-GGUF", "gguf", [
    f("Q4_K_L", 17.198, "GiB", 1, size_source=TP), f("IQ4_XS", 14.266, "GiB", 1, size_source=TP),
    f("Q3_K_M", 13.370, "GiB", 1, size_source=TP)],
    None, "http://kk6lht.com/sokann/Qwen3.6-27B-GGUF-5.076bpw ; https://llmsreview.com/models/sokann--qwen3.6-27b-gguf-4.256bpw",
    "llama.cpp model sizes quoted in sokann comparison tables. Repo name by bartowski convention, not seen directly.")

add("unsloth/Qwen3.6-35B-A3B-GGUF", "gguf", [
    f("BF16", 65, "GB", None, size_source=TP), f("Q8_0", 35, "GB", None, size_source=TP),
    f("UD-Q5_K_XL", 25, "GB", None, size_source=TP), f("UD-Q5_K_S", 24, "GB", None, size_source=TP),
    f("UD-Q4_K_XL", 21, "GB", None, size_source=TP, alt="20.8 GB on-disk per a GitHub note"),
    f("UD-Q4_K_M", 21, "GB", None, size_source=TP), f("UD-Q3_K_M", 16, "GB", None, size_source=TP),
    f("UD-Q6_K_XL", None, size_source="tag referenced in GitHub config")],
    None, "https://hugging.y1ng.com/mudler/Qwen3.6-35B-A3B-APEX-GGUF (table 'APEX vs Baselines (unsloth UD quants)', llama.cpp b8797)",
    "Sizes are rounded whole GB from a third-party benchmark table; unit as printed ('GB', may be GiB). Repo 'Updated Apr 20' (2026); HF widget default tag UD-Q4_K_M. "
    "Sibling unsloth/Qwen3.6-35B-A3B-MTP-GGUF (updated May 20; UD-Q4_K_XL ~23 GB per a GitHub note).")

add("unsloth/Qwen3.8-27B-GGUF", "gguf", [f("UD-Q4_K_M", None, size_source="HF widget default tag")],
    None, "https://huggingface.co/unsloth/Qwen3.8-27B-GGUF/blob/main/config.json",
    "Exists ('Updated about 1 month ago' on a 2026 snapshot; discussion 'Introducing Unsloth Dynamic v3 Qwen3.8'). No file sizes captured.")

# ---------------- GLM ----------------
add("unsloth/GLM-4.5-Air-GGUF", "gguf", [
    f("Q8_0", None, "GB", 3, size_source="GLM-4.5-Air-Q8_0-0000N-of-00003.gguf (GitHub script, commit c7083c0c)"),
    f("Q4_K_M", None, "GB", 2, size_source="Q4_K_M/GLM-4.5-Air-Q4_K_M-0000N-of-00002.gguf (GitHub nix config)")],
    None, "GitHub: jklincn/llama.moe scripts/get_models.sh ; mschwaig/nixos-config addins/llm/models.nix",
    "Split layout only; no sizes found.")
add("unsloth/GLM-4.6-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default"),
    f("BF16", None, "GB", 15, size_source="BF16/GLM-4.6-BF16-00001-of-00015.gguf")],
    None, "https://huggingface.co/unsloth/GLM-4.6-GGUF", "No sizes captured.")
add("unsloth/GLM-4.7-Flash-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default")],
    None, "https://huggingface.co/unsloth/GLM-4.7-Flash-GGUF/discussions/1",
    "Repo 'Updated Feb 12' (2026). GGUFs re-uploaded 2026-01-21 (scoring_func fix). unsloth docs: needs 24GB RAM/VRAM (32GB full precision). No file sizes.")
add("unsloth/GLM-5-GGUF", "gguf", [f("UD-Q2_K_XL", 281, "GB", None, size_source=DOC), f("IQ2_M", None, size_source=DOC + " (named, no size)")],
    None, "https://unsloth.ai/docs/models/glm-5",
    "Docs: full model 1.51TB; dynamic 1-bit 176GB (tag not named in excerpt).")
add("unsloth/GLM-5.1-GGUF", "gguf", [f("UD-IQ2_M", 236, "GB", None, size_source=DOC)],
    None, "https://unsloth.ai/docs/models/glm-5.1",
    "Docs: full 744B model 1.65TB; 'Dynamic 2-bit ... 220GB' and 'dynamic 1-bit is 200GB' (tags not named); 8-bit needs ~805GB RAM.")
add("unsloth/GLM-5.2-GGUF", "gguf", [f("UD-IQ2_M", 239, "GB", None, size_source=DOC), f("UD-Q4_K_M", None, size_source="HF widget default"),
    f("BF16", None, "GB", 33, size_source="BF16/GLM-5.2-BF16-00001-of-00033.gguf")],
    None, "https://unsloth.ai/docs/models/glm-5.2", "Docs: full model 1.51TB; dynamic 1-bit 217GB (tag not named).")
add("unsloth/GLM-5.3-GGUF", "gguf", [f("UD-IQ2_M", 239, "GB", None, size_source=DOC), f("UD-Q4_K_XL", None, size_source="HF widget default")],
    None, "https://unsloth.ai/docs/zh/mo-xing/glm-5.3.md", "Docs (zh): same size/arch as GLM-5.2; 1-bit fits 223GB RAM; 8-bit needs 810GB RAM.")
add("unsloth/GLM-5.3-Flash-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default")],
    None, "https://unsloth.ai/docs/models/glm-5.3-flash", "Docs: 320B (18B active); dynamic 1-bit 93GB, BF16 642GB (tags not named); 3-bit runs on 128GB.")

# ---------------- MiniMax ----------------
add("unsloth/MiniMax-M2.1-GGUF", "gguf", [f(t, None) for t in
    ["BF16","IQ4_NL","IQ4_XS","Q2_K","Q2_K_L","Q3_K_M","Q3_K_S","Q4_0","Q4_1","Q4_K_M","Q4_K_S","Q5_K_M","Q5_K_S","Q6_K","Q8_0","UD-IQ1_M","UD-IQ1_S","UD-IQ2_M","UD-IQ2_XXS"]],
    None, "https://huggingface.co/unsloth/MiniMax-M2.1-GGUF/tree/main",
    "Tree page: repo total 3.74 TB, 32 commits, all quant folders 'uploaded 3 months ago'. Folder list cut after UD-IQ2_XXS (UD-Q*_K_XL folders not captured; "
    "a discussion title mentions UD-Q4_K_XL). Folder sizes are not shown on the top-level tree.")
add("unsloth/MiniMax-M3-GGUF", "gguf", [
    f("UD-IQ1_M", 128, "GB", None, size_source=DOC), f("UD-IQ3_XXS", 159, "GB", None, size_source=DOC),
    f("UD-IQ4_XS", 208, "GB", None, size_source=DOC), f("UD-Q4_K_XL", 265, "GB", None, size_source=DOC),
    f("UD-Q4_K_M", None, size_source="HF widget default"), f("BF16", None, "GB", 18, size_source="BF16/MiniMax-M3-BF16-00001-of-00018.gguf")],
    None, "https://unsloth.ai/docs/jp/moderu/minimax-m3.md",
    "~428B (23B active); bf16 weights ~855GB. GGUF is experimental, text-only.")

# ---------------- Kimi ----------------
add("unsloth/Kimi-K2.6-GGUF", "gguf", [f("UD-Q4_K_XL", 584, "GB", None, size_source=DOC), f("UD-Q8_K_XL", 595, "GB", None, size_source=DOC)],
    None, "https://unsloth.ai/docs/models/tutorials/kimi-k2.6.md",
    "Docs table: Dynamic 2-bit 340 GB disk (tag not named; text says 350GB), Q4 584 GB, Q8 (lossless) 595 GB; full precision 610GB. Q8 only ~10GB over Q4 because MoE weights are native int4.")
add("unsloth/Kimi-K2.5-GGUF", "gguf", [f("UD-TQ1_0", 240, "GB", None, size_source=DOC), f("UD-Q2_K_XL", 375, "GB", None, size_source=DOC)],
    None, "https://www.unsloth.ai/docs/zh/mo-xing/tutorials/kimi-k2.5.md", "Docs (zh): full model 600-630GB.")
add("unsloth/Kimi-K2.7-Code-GGUF", "gguf", [f("UD-Q8_K_XL", 605, "GB", None, size_source=DOC)],
    None, "https://unsloth.ai/docs/jp/moderu/kimi-k2.7-code",
    "Docs (jp) table: dynamic 1-bit 310 GB, dynamic 2-bit 325-350 GB, dynamic Q3 385-470 GB, Q8 lossless 605 GB (tags for 1/2/3-bit not named).")
add("unsloth/Kimi-K2-Instruct-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default"),
    f("BF16", None, "GB", 45, size_source="BF16/Kimi-K2-Instruct-BF16-00001-of-00045.gguf")],
    None, "https://unsloth.ai/docs/zh/mo-xing/tutorials/kimi-k2-thinking-how-to-run-locally.md",
    "Docs: full 1T model 1.09TB; Dynamic 1.8-bit 230GB (tag not named). unsloth/Kimi-K2-Thinking-GGUF also exists.")

# ---------------- DeepSeek ----------------
add("unsloth/DeepSeek-V4-Flash-GGUF", "gguf", [f("UD-Q8_K_XL", 162, "GB", None, size_source=DOC),
    f("UD-Q4_K_XL", None, size_source="HF widget default; docs say Q8 is only ~7GB larger"),
    f("UD-IQ1_M", None, "GB", 3, size_source="UD-IQ1_M/DeepSeek-V4-Flash-UD-IQ1_M-00001-of-00003.gguf")],
    None, "https://unsloth.ai/docs/jp/moderu/deepseek-v4",
    "DeepSeek-V4-Flash 284B (13B active). Docs: 3-bit 103GB (tag not named). HF post: lossless on 168GB RAM, 3-bit on 110GB. "
    "Also unsloth/DeepSeek-V4-Pro-0813-GGUF and DeepSeek-V4-Flash-0731 exist.")

# ---------------- Gemma / Nemotron (tags only) ----------------
add("unsloth/gemma-4-31B-it-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default"),
    f("BF16", None, "GB", 2, size_source="BF16/gemma-4-31B-it-BF16-00001-of-00002.gguf")],
    None, "https://huggingface.co/unsloth/gemma-4-31B-it-GGUF/tree/main", "Q3_K_M also referenced in GitHub code. No sizes captured.")
add("unsloth/gemma-4-26B-A4B-it-GGUF", "gguf", [f("UD-Q4_K_M", None, size_source="HF widget default")],
    None, "https://huggingface.co/unsloth/gemma-4-26B-A4B-it-GGUF/discussions/11", "No sizes captured.")
add("unsloth/Nemotron-3-Nano-30B-A3B-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default"),
    f("BF16", None, "GB", 2, size_source="BF16/Nemotron-3-Nano-30B-A3B-BF16-00001-of-00002.gguf")],
    None, "https://huggingface.co/unsloth/Nemotron-3-Nano-30B-A3B-GGUF/discussions/6", "No sizes captured.")
add("unsloth/NVIDIA-Nemotron-3-Super-120B-A12B-GGUF", "gguf", [f("UD-Q4_K_M", None, size_source="HF widget default"),
    f("BF16", None, "GB", 5, size_source="BF16/NVIDIA-Nemotron-3-Super-120B-A12B-BF16-00001-of-00005.gguf")],
    None, "https://huggingface.co/unsloth/NVIDIA-Nemotron-3-Super-120B-A12B-GGUF", "No sizes captured.")

# ---------------- NVFP4 / FP8 / AWQ / MLX ----------------
add("nvidia/Qwen3.6-35B-A3B-NVFP4", "nvfp4", [f("NVFP4", 23.5, "GB", None, size_source=HF + " (repo total)")],
    None, "https://huggingface.co/nvidia/Qwen3.6-35B-A3B-NVFP4/tree/1355db6a052410cfd62085d94b58866fd0f2c3c5",
    "ModelOpt NVFP4; repo total 23.5 GB at commit 1355db6 (README update '3 months ago', checkpoint '6 months ago').", partial=False)
add("nvidia/Qwen3-Next-80B-A3B-Thinking-NVFP4", "nvfp4", [f("NVFP4", 50.8, "GB", 11, size_source=HF + " (repo total; shards 5 GB)")],
    None, "https://huggingface.co/nvidia/Qwen3-Next-80B-A3B-Thinking-NVFP4/tree/main", "MTP added '3 months ago'.", partial=False)
add("nvidia/Gemma-4-26B-A4B-NVFP4", "nvfp4", [f("NVFP4", 18.8, "GB", None, size_source=HF + " (repo total)")],
    None, "https://huggingface.co/nvidia/Gemma-4-26B-A4B-NVFP4/tree/main", "9 commits, uploaded ~2 months before snapshot.", partial=False)
add("RadixArk/Qwen3.8-27B-NVFP4", "nvfp4", [f("NVFP4", 21.9, "GB", None, size_source=HF + " (repo total)")],
    None, "https://huggingface.co/RadixArk/Qwen3.8-27B-NVFP4/tree/319f741cce68d7914884900c138a1fbb70a42f30",
    "ModelOpt NVFP4 W4A4 g16, commit 319f741 ('3 months ago').", partial=False)
add("nvidia/Qwen3.6-27B-NVFP4", "nvfp4", [f("NVFP4", None)], None, "https://huggingface.co/nvidia/Qwen3.6-27B-NVFP4/discussions/9",
    "Exists (HF shows '18B params', an NVFP4 packing artifact). Size not captured. Third-party AlphaOxO/Qwen3.6-27B-NVFP4 reports 26.02 GiB VRAM vs 51.10 GiB BF16.")
for b, s in [("UD-Q2_K_XL", 15), ("UD-Q3_K_XL", 18), ("UD-NVFP4_K_XL", 21), ("UD-MXFP4_K_XL", 21), ("UD-Q4_K_XL", 21), ("UD-Q5_K_XL", 25), ("UD-Q6_K_XL", 27), ("UD-Q8_K_XL", 30)]:
    add(f"Brooooooklyn/Qwen3.6-27B-{b}-mlx", "mlx", [f(b, s, "GB", None, size_source="model-card 'All Variants' table")], None,
        "https://hub.hfp.audrey.cafe/Brooooooklyn/Qwen3.6-27B-UD-Q3_K_XL-mlx ; http://kk6lht.com/Brooooooklyn/Qwen3.6-27B-UD-Q2_K_XL-mlx/resolve/main/README.md",
        "mlx-node (not mlx-lm) mixed-precision MLX using Unsloth-Dynamic recipe; BF16 original ~51 GB. Rounded GB from card.", partial=False)


# ---------------- additions (second pass) ----------------
add("ggml-org/gpt-oss-20b-GGUF", "mxfp4", [f("MXFP4", 12, "GB", 1, size_source=TP, files_seen="gpt-oss-20b-mxfp4.gguf",
      via="GitHub test comment: 'ships a single 12 GB MXFP4 weight (no shards)'; another app catalog records sizeBytes 11_300_000_000 (rounded)")],
    None, "GitHub code (find_string 'ggml-org/gpt-oss-20b-GGUF')",
    "Only MXFP4 seen; -hf tag ':mxfp4' resolves to it. No K-quants seen for ggml-org.")
add("unsloth/Devstral-Small-2-24B-Instruct-2512-GGUF", "gguf", [f("UD-Q4_K_XL", None, size_source="HF widget default")],
    "2025-12-13", "https://unsloth.ai/docs/jp/moderu/tutorials/devstral-2.md",
    "Docs: 24B fits 25GB RAM/VRAM, 123B (unsloth/Devstral-2-123B-Instruct-2512-GGUF) fits 128GB; both re-uploaded 2025-12-13 with chat-template fix. No file sizes.")
add("ggml-org/Devstral-Small-2-24B-Instruct-2512-GGUF", "gguf", [f("Q8_0", None, size_source="HF widget default")],
    None, "https://huggingface.co/ggml-org/Devstral-Small-2-24B-Instruct-2512-GGUF", "Part of a 2-item 'Devstral 2' collection. No sizes captured.")
add("unsloth/Qwen3.5-397B-A17B-GGUF", "gguf", [f("UD-IQ2_XXS", 106, "GB", 4, size_source=TP, via="user's ll -h listing (parts 10M, 46G, 14G, ... cut); '807GB => 106GB'")],
    None, "https://www.dotkam.com/?p=2668", "Blog post (files dated Apr 12, 2026). Original BF16 ~807 GB. Other tags not captured.")
add("mlx-community/Qwen3.5-397B-A17B-4bit", "mlx", [f("4bit", 223, "GB", None, size_source=HF + " (model card 'Model Size on Disk ~223 GB')")],
    None, "https://hf.031202.xyz/mlx-community/Qwen3.5-397B-A17B-4bit", "Text-only (vision encoder dropped); affine 4-bit g64, MoE router gates 8-bit.", partial=False)
add("jackzampolin/Qwen3.5-397B-A17B-unsloth-mlx-4bit", "mlx", [f("4bit-mixed", 228, "GB", 31, size_source="model card (~228 GB, 31 shards)")],
    None, "https://us-seattle.linode.vpn.anonimamente.online/jackzampolin/Qwen3.5-397B-A17B-unsloth-mlx-4bit", "mlx-node Unsloth-Dynamic style; BF16 ~794 GB.", partial=False)
for b, s_ in [("UD-MXFP4_K_XL", 21), ("UD-Q4_K_XL", 22), ("UD-MXFP8_K_XL", 35), ("UD-Q8_K_XL", 36)]:
    add(f"Brooooooklyn/Qwen3.6-35B-A3B-{b}-mlx", "mlx", [f(b, s_, "GB", None, size_source="model-card comparison table")], None,
        "http://204.152.198.140/Brooooooklyn/Qwen3.6-35B-A3B-UD-MXFP4_K_XL-mlx ; http://204.152.198.140/Brooooooklyn/Qwen3.6-35B-A3B-UD-MXFP8_K_XL-mlx",
        "mlx-node variants; BF16 ~66 GB. Q4/Q8 affine sizes come from the MXFP cards' comparison columns (repo existence for affine variants inferred from those cards).", partial=False)
add("OsaurusAI/Qwen3.6-27B-MXFP4", "mlx", [f("MXFP4", 14, "GB", 3, size_source="model card ('Package size on disk 14 GB across 3 shards', 4.449 bpw)")],
    None, "https://hf.zzhbkj.top/OsaurusAI/Qwen3.6-27B-MXFP4", "OCP MXFP4 MLX incl. vision tower; BF16 source 52 GB.", partial=False)
add("mlx-community/Qwen3-Coder-Next-4bit", "mlx", [f("4bit", 46, "GB", None, size_source=TP, via="mu-hashmi/mlx-moe README ('A 46 GB Qwen3-Coder-Next model')")],
    None, "https://github.site.zpeter.eu.org/mu-hashmi/mlx-moe",
    "Same README also says 'First launch downloads the model (~24 GB)' — inconsistent; treat 46 GB as unconfirmed.")

out = {
  "generated": "2026-12-01",
  "method": "Stored-copy look-ups only (docs/pages/code corpora); no live web. size_source: hf_listing = HF tree/blob page or HF-hosted model card; "
            "vendor_doc = unsloth.ai docs; third_party = community measurement (llama.cpp 'model size' GiB, reddit KLD sweeps) or byte constants in GitHub code. "
            "size_gb null = tag seen but no size found. listing_date = date of the size data when known, else null (HF pages only show relative ages).",
  "listings": L,
  "exists_without_sizes": [
    "unsloth/Qwen3.6-27B-MTP-GGUF", "unsloth/Qwen3.6-35B-A3B-MTP-GGUF", "unsloth/Qwen3.6-27B-NVFP4", "unsloth/MiniMax-M2.5-GGUF", "unsloth/MiniMax-M3.1-Flash-GGUF",
    "unsloth/MiniMax-M2.7 (safetensors)", "nvidia/MiniMax-M2.7-NVFP4", "nvidia/DeepSeek-V3.2-NVFP4", "unsloth/DeepSeek-V4-Pro-0813-GGUF", "unsloth/Kimi-K2-Thinking-GGUF",
    "unsloth/NVIDIA-Nemotron-3-Nano-30B-A3B-NVFP4", "unsloth/NVIDIA-Nemotron-3.5-Lightning-30B-A3B-GGUF", "unsloth/NVIDIA-Nemotron-3.5-Bolt-74B-A9B-GGUF",
    "unsloth/gemma-4-E4B-it-GGUF", "unsloth/gemma-4-E4B-it-qat-GGUF", "QuantTrio/Qwen3.6-27B-AWQ", "Qwen/Qwen3.8-27B", "Qwen/Qwen3.8-27B-FP8",
    "RedHatAI/Qwen3.8-27B-INT4", "RedHatAI/Qwen3.8-27B-NVFP4", "RedHatAI/Qwen3.8-27B-MXFP4", "huginnfork/Qwen3.6-27B-NVFP4A16", "huginnfork/Qwen3.8-27B-FP8",
    "huginnfork/Qwen3.8-27B-NVFP4A16", "cyankiwi/GLM-4.5-Air-AWQ-4bit", "cyankiwi/GLM-4.7-Flash-AWQ-4bit", "cyankiwi/GLM-5.1-AWQ-4bit", "cyankiwi/GLM-5.3-AWQ-INT4",
    "cyankiwi/GLM-5.3-Flash-AWQ-INT4", "cyankiwi/GLM-4.6V-AWQ-4bit", "lmstudio-community/gpt-oss-20b-MLX-8bit", "lmstudio-community/Qwen3-Coder-30B-A3B-Instruct-GGUF",
    "unsloth/Qwen3-Coder-30B-A3B-Instruct-1M-GGUF"],
  "not_found": [],
}
import sys
out["not_found"] = json.load(open(sys.argv[1]))["not_found"] if len(sys.argv) > 1 else []
json.dump(out, open("/work/main/sources/files/listings.json", "w"), indent=1, ensure_ascii=False)
print(len(L), sum(len(e["files"]) for e in L), sum(1 for e in L for x in e["files"] if x["size_gb"] is not None))
