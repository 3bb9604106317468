import json
M=[]
def add(**k):
    base=dict(model=None,hf_repo=None,total_b=None,active_b=None,includes=None,native_format=None,released=None,release_source=None,params_source=None,weak=False,notes="")
    base.update(k); M.append(base)

# ---------------- DeepSeek ----------------
add(model="DeepSeek-V4-Pro", hf_repo="deepseek-ai/DeepSeek-V4-Pro", total_b=1600, active_b=49,
    includes="card gives 1.6T/49B without saying whether the 1 MTP layer is counted; text-only",
    native_format="mxfp4", format_detail="instruct ckpt: routed-expert weights FP4 (e2m1, ue8m0 scales, MXFP4-like), everything else FP8 e4m3 block-128; Base ckpts are FP8 throughout",
    released="2026-04-24", release_source="https://api-docs.deepseek.com/news/news260424",
    params_source="https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro",
    notes="Preview release. Format per HF launch blog (huggingface/blog PR #3363) and vLLM recipe. Retired on DeepSeek API from 2026-09-14 (routed to V4.1-Flash).")
add(model="DeepSeek-V4-Flash", hf_repo="deepseek-ai/DeepSeek-V4-Flash", total_b=284, active_b=13,
    includes="MTP layer counting not stated; text-only", native_format="mxfp4",
    format_detail="routed experts FP4, rest FP8 (same scheme as V4-Pro); ~160 GB on disk",
    released="2026-04-24", release_source="https://api-docs.deepseek.com/news/news260424",
    params_source="https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash",
    notes="Retired on API 2026-09-10 in favour of V4.1-Flash; weights remain.")
add(model="DeepSeek-V4-Pro-0813", hf_repo="deepseek-ai/DeepSeek-V4-Pro-0813", total_b=1600, active_b=49,
    includes="not stated", native_format=None, released="2026-08-13",
    release_source="https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro-0813",
    params_source="https://github.com/anomalyco/models.dev/pull/4785",
    weak=True, coding_scores={"swe_bench_verified":80.6,"terminal_bench_2_0":67.9,"livecodebench":93.5,"source":"model card as relayed by models.dev PR #4785 (vendor-reported)"},
    notes="V4 refresh = GA (out-of-preview) release of V4-Pro, MIT. API date 2026-08-12, HF repo 2026-08-13. 1.6T/49B only seen relayed (models.dev PR); one weekly digest says 1.57T/48B (weak, o-mega.ai). Format not seen; presumably as V4-Pro but unverified.")
add(model="DeepSeek-V4.1-Flash", hf_repo=None, total_b=552, active_b=16,
    includes="Causal Encoder-Decoder: 8B active per input (prefill) token, 16B per output (decode) token; native vision",
    native_format=None, released="2026-09-10", release_source="https://api-docs.deepseek.com/news/news260910",
    params_source="https://api-docs.deepseek.com/news/news260910",
    weak=False,
    notes="active_b=16 is the decode figure (input 8B). Text seen as quoted in Zoo-Code PR #1659 and vllm-project/recipes PR #959 (552B 'tech report, model card'; an earlier recipe said 522B, corrected). ~511 GB on disk (~7.4 bits/param avg) so mixed low precision, exact format not seen. MIT open weights per ikaijua PR; HF repo id not seen. V4.1-Pro not released as of 2026-09.")

# ---------------- Moonshot ----------------
add(model="Kimi-K2-Thinking", hf_repo="moonshotai/Kimi-K2-Thinking", total_b=1000, active_b=32,
    includes="text-only; 61 layers incl. 1 dense", native_format="int4",
    format_detail="native INT4 via QAT (routed experts W4A16 g32; attention/shared/dense BF16, per K2.5-family config)",
    released="2025-11-06", release_source="https://moonshotai.github.io/Kimi-K2/thinking.html",
    params_source="https://huggingface.co/moonshotai/Kimi-K2-Thinking",
    notes="Card seen via mirror (juhenext). Release date per models.dev PR #356 citing the tech blog. Config-derived total ~1.04T.")
add(model="Kimi-K2.5", hf_repo="moonshotai/Kimi-K2.5", total_b=1000, active_b=32,
    includes="1T = language model; card lists MoonViT vision encoder separately at 400M", native_format="int4",
    format_detail="same native INT4 QAT scheme as K2-Thinking",
    released="2026-01-27", release_source="https://www.kimi.com/blog/kimi-k2-5.html",
    params_source="https://github.com/MoonshotAI/Kimi-K2.5",
    notes="Date from Simon Willison post 2026-01-27 citing the blog (ComparIA PR #282). Config-derived LM ~1.04T (glennklockwood).")
add(model="Kimi-K2.6", hf_repo="moonshotai/Kimi-K2.6", total_b=1000, active_b=32,
    includes="MoonViT vision encoder 400M listed separately", native_format="int4",
    format_detail="official ckpt W4A16 compressed-tensors (same as K2.5)",
    released="2026-04-20", release_source="https://www.kimi.com/blog/kimi-k2-6",
    params_source="https://huggingface.co/moonshotai/Kimi-K2.6",
    notes="Params from card (mirror). Date 2026-04-20 only from third parties (ai.rs, knoxhub); models.dev added it 2026-04-21.")
add(model="Kimi-K2.7-Code", hf_repo="moonshotai/Kimi-K2.7-Code", total_b=1000, active_b=32,
    includes="MoonViT 400M listed separately; same arch as K2.5/K2.6", native_format="int4",
    released="2026-06-11", release_source="https://sota.borgcloud.ai/p/moonshotai/Kimi-K2.7-Code",
    params_source="https://huggingface.co/moonshotai/Kimi-K2.7-Code",
    coding_scores={"kimi_code_bench_v2":62.0,"program_bench":53.6,"source":"HF model card (vendor)"},
    notes="Params from card (mirror). Release date only from a third-party HF-feed (weak); sota.borgcloud lists 1.06T HF count. Official API doc: platform.kimi.ai/docs/guide/kimi-k2-7-code-quickstart.")
add(model="Kimi-K3", hf_repo="moonshotai/Kimi-K3", total_b=2800, active_b=None,
    includes="native vision (text/image/video); 896 experts, 16 active per token (Stable LatentMoE), KDA+MLA hybrid",
    native_format="mxfp4",
    format_detail="routed experts MXFP4 (QAT from SFT on, MXFP8 activations); attention, shared experts, first dense MLP, lm_head, vision tower BF16; HF repo ~1.56 TB",
    released="2026-07-16", weights_released="2026-07-27", release_source="https://www.kimi.com/blog/kimi-k3",
    params_source="https://platform.kimi.ai/docs/guide/kimi-k3-quickstart", weak=True,
    notes="2.8T and 16/896 relayed by many PRs citing the official quickstart/blog (lobehub #17267, Megatron-Bridge #4910); active param count not published as of 2026-07-16 and not found later. Weights + tech report 2026-07-27 (ImChong PR #1317), Kimi K3 License. Pre-release rumour pages (chaobro: 2.5T) are wrong.")

# ---------------- MiniMax ----------------
add(model="MiniMax-M2.1", hf_repo="MiniMaxAI/MiniMax-M2.1", total_b=230, active_b=10,
    includes="not stated", native_format=None, released="2025-12-22",
    release_source="https://github.com/MiniMax-AI/MiniMax-M2.1", params_source="https://aicybr-sveltekit.pages.dev/blog/minimax-m2-1-complete-guide",
    weak=True, notes="Vendor README ('Today, we are handing MiniMax-M2.1 over', first commit 2025-12-22) gives no parameter count; 230B/10B only third-party (same MiniMaxM2ForCausalLM arch as M2/M2.5). Format not verified for M2.1 (M2.5/M2.7 official configs are FP8).")
add(model="MiniMax-M3", hf_repo="MiniMaxAI/MiniMax-M3", total_b=428, active_b=23,
    includes="native multimodal (text/image/video); MTP layer present in config", native_format="bf16",
    format_detail="BF16 main weights plus separate official MXFP8 quantized release",
    released="2026-06-01", weights_released="2026-06-12", release_source="https://x.com/minimax_ai/status/2061266317815296322",
    params_source="https://github.com/betagouv/ComparIA/pull/531", weak=True,
    notes="428B/23B consistent across ComparIA, cointime/kucoin wire, baseten (427B/23B), reddit; card not read directly. One page (inews.zoombangla) says 229.9B/9.8B = confused with M2.x, rejected. Modified-MIT weights. MiniMax SWE-Bench Pro 59.0 (digest, weak).")

# ---------------- Z.ai GLM ----------------
add(model="GLM-4.7", hf_repo="zai-org/GLM-4.7", total_b=355, active_b=32,
    includes="355B-A32B per official table; NVIDIA Megatron-Bridge says ~358B (HF count, likely incl. MTP)",
    native_format="bf16", format_detail="official GLM-4.7-FP8 sibling",
    released="2025-12-22", release_source="https://z.ai/blog/glm-4.7",
    params_source="https://github.com/zai-org/GLM-4.5",
    notes="Date from README commit 'GLM-4.7 (#116)' 2025-12-23 01:23 +0800 = 2025-12-22 UTC. Card: SWE-bench 73.8, TB2.0 41.")
add(model="GLM-4.7-Flash", hf_repo="zai-org/GLM-4.7-Flash", total_b=30, active_b=3,
    includes="30B-A3B per official table; HF count 31B", native_format="bf16",
    released="2026-01-19", release_source="https://github.com/zai-org/GLM-4.5",
    params_source="https://github.com/zai-org/GLM-4.5",
    notes="Date from README commit 'update with GLM-4.7-Flash' 2026-01-19 +0800. Card: SWE-bench Verified 59.2, LCB v6 64.0.")
add(model="GLM-5", hf_repo="zai-org/GLM-5", total_b=744, active_b=40,
    includes="744B excludes the 1 MTP layer (own arithmetic from official config: ~744B without, ~754B with MTP)",
    native_format="bf16", format_detail="official GLM-5-FP8 sibling",
    released="2026-02-11", release_source="https://z.ai/blog/glm-5",
    params_source="https://huggingface.co/zai-org/GLM-5",
    notes="Date from third parties (aiwiki, vortx: 2026-02-11); apxml says 12 Feb. Card: SWE-bench Verified 77.8.")
add(model="GLM-5.1", hf_repo="zai-org/GLM-5.1", total_b=744, active_b=40,
    includes="744B-A40B per official table (excl. MTP); NVIDIA NIM card says 754B = incl. MTP layer",
    native_format="bf16", format_detail="official GLM-5.1-FP8 sibling",
    released="2026-04-08", release_source="https://docs.api.nvidia.com/nim/reference/z-ai-glm5.1",
    params_source="https://github.com/zai-org/GLM-5",
    notes="HF release 04/08/2026 per NVIDIA card; blog https://z.ai/blog/glm-5.1 (apxml says Apr 7). Same arch as GLM-5.")
add(model="GLM-5.2", hf_repo="zai-org/GLM-5.2", total_b=744, active_b=40,
    includes="card gives 753B (HF count, incl. MTP) and no active count; 744B/~40B from ComparIA; vLLM recipe ~743B/39B",
    native_format="bf16", format_detail="official native-FP8 sibling zai-org/GLM-5.2-FP8",
    released="2026-06-16", release_source="https://huggingface.co/zai-org/GLM-5.2",
    params_source="https://recipes.vllm.ai/zai-org/GLM-5.2", weak=True,
    notes="2026-06-16 = HF repo creation (InferenceX PR citing HF API); models.dev says weights out 'a couple of days' before 06-19; open-techstack says 06-18. Official blog date not seen. 1M ctx; MTP extended to 5 draft tokens. Card: SWE-bench Pro 62.1, TB2.1 82.7.")
add(model="GLM-5.3", hf_repo=None, total_b=744, active_b=40,
    includes="same base model as GLM-5.2 (post-training only): identical tensor names/shapes", native_format="fp8",
    format_detail="publisher ckpt stores 59,044 of 59,585 tensors as block-scaled FP8 (Megatron-Bridge PR #6117); BF16/NVFP4 variants also referenced",
    released="2026-08-14", release_source="https://z.ai/blog/glm-5.3",
    params_source="https://github.com/NVIDIA-NeMo/Megatron-Bridge/pull/6117", weak=True,
    notes="Params inherited from GLM-5.2 (744/40 weak). HF repo id not seen verbatim.")
add(model="GLM-5.3-Flash", hf_repo=None, total_b=320, active_b=18,
    includes="first natively multimodal GLM-5 model (vision included); 45-layer KDA+DSA hybrid (model_type glm5_next), MTP",
    native_format="fp8", format_detail="per third party: main repo FP8, BF16 variant named GLM-5.3-Flash-BF16; nvidia/GLM-5.3-Flash-NVFP4 exists",
    released="2026-08-26", release_source="https://github.com/anomalyco/models.dev/pull/5675",
    params_source="https://github.com/huggingface/transformers/pull/48342", weak=True,
    notes="320B-A18B MIT per models.dev PR and transformers PR quoting the card.")

# ---------------- Mistral ----------------
add(model="Devstral-2-123B-Instruct-2512", hf_repo="mistralai/Devstral-2-123B-Instruct-2512", total_b=123, active_b=123,
    includes="dense; 88 layers, hidden 12288 (per NVIDIA NeMo docs on Medium 3.5 backbone)", native_format="fp8",
    released="2025-12-09", release_source="https://mistral.ai/news/devstral-2-vibe-cli/",
    params_source="https://mistral.ai/news/devstral-2-vibe-cli/",
    coding_scores={"swe_bench_verified":72.2,"source":"Mistral announcement (vendor)"},
    notes="FP8 per SGLang cookbook ('Devstral 2 Instruct checkpoints are instruction-tuned FP8 models'). Modified MIT.")
add(model="Devstral-Small-2-24B-Instruct-2512", hf_repo="mistralai/Devstral-Small-2-24B-Instruct-2512", total_b=24, active_b=23.57,
    includes="24B = LM 23.57B (FP8) + Pixtral vision tower ~0.4B (BF16) + projector", native_format="fp8",
    format_detail="FP8 W8A8 static float8_e4m3fn for the LM; vision + projector BF16 — CONFIRMED ships as FP8",
    released="2025-12-09", release_source="https://mistral.ai/news/devstral-2-vibe-cli/",
    params_source="https://huggingface.co/levara/Devstral-Small-2-24B-TextOnly-FP8",
    notes="FP8 confirmation from a third-party byte-for-byte text-only extraction (levara) + SGLang cookbook; Apache 2.0. active_b = LM params (dense).")
add(model="Mistral-Medium-3.5-128B", hf_repo="mistralai/Mistral-Medium-3.5-128B", total_b=128, active_b=128,
    includes="dense; 'dense 128B language model with vision encoder' (NVIDIA) — unclear whether 128B includes the vision encoder",
    native_format="fp8", format_detail="ships natively in FP8 (per-tensor weight_scale_inv) per NVIDIA NeMo docs; EAGLE draft head repo",
    released="2026-04-29", release_source="https://docs.api.nvidia.com/nim/reference/mistralai-mistral-medium-3-5-128b",
    params_source="https://docs.api.nvidia.com/nim/reference/mistralai-mistral-medium-3-5-128b", weak=True,
    coding_scores={"swe_bench_verified":77.6,"source":"nerdleveltech (third-party relay of vendor figure)"},
    notes="HF 04/29/2026 per NVIDIA card; aiwiki says 28 Apr. Mistral news feed has no launch item (only 2026-05-22 Vibe post). Modified MIT.")
add(model="Mistral-Small-4-119B-2603", hf_repo="mistralai/Mistral-Small-4-119B-2603", total_b=119, active_b=6,
    includes="6B active excludes embedding/output layers; 8B including them (Mistral blog). 128 experts, 4 active; multimodal",
    native_format="fp8", format_detail="HF collection: main repo is 'the FP8 checkpoint'; separate NVFP4 + eagle head",
    released="2026-03-16", release_source="https://mistral.ai/news/mistral-small-4/",
    params_source="https://mistral.ai/news/mistral-small-4/",
    notes="Blog text seen as quoted excerpt (mastodawn); date from Mistral news RSS. Third parties say 119.4B / 6.5B active. Apache 2.0.")

# ---------------- StepFun ----------------
add(model="Step-3.5-Flash", hf_repo="stepfun-ai/Step-3.5-Flash", total_b=196, active_b=11,
    includes="card 196B/11B; HF count 199B (likely incl. MTP-3 heads); text", native_format="bf16",
    format_detail="BF16 (third-party); separate official Step-3.5-Flash-Int4 repo",
    released=None, release_source="https://static.stepfun.com/blog/step-3.5-flash/",
    params_source="https://huggingface.co/stepfun-ai/Step-3.5-Flash",
    coding_scores={"swe_bench_verified":74.4,"terminal_bench_2_0":51.0,"source":"HF model card (vendor)"},
    notes="Release date unresolved: HF published 2026-02-01 (onlylabs), devlery says 2026-02-12, apxml 11 Feb. Apache 2.0.")
add(model="Step-3.7-Flash", hf_repo="stepfun-ai/Step-3.7-Flash", total_b=198, active_b=11,
    includes="198B = 196B sparse LM + 1.8B perception/vision encoder; MTP-3", native_format="bf16",
    format_detail="official BF16 + Step-3.7-Flash-FP8 + Step-3.7-Flash-NVFP4 repos",
    released="2026-05-28", release_source="https://openrouter.ai/stepfun/step-3.7-flash-20260528/api",
    params_source="https://vllm-recipes-6nwqixkam-inferact-inc.vercel.app/stepfun-ai/Step-3.7-Flash", weak=True,
    coding_scores={"swe_bench_pro":56.3,"terminal_bench_2_1":59.5,"source":"creeta/dev.to (third-party relay)"},
    notes="OpenRouter/aiunpacker say May 28; creeta/wpnews May 29.")

# ---------------- Xiaomi ----------------
add(model="MiMo-V2-Flash", hf_repo="XiaomiMiMo/MiMo-V2-Flash", total_b=309, active_b=15,
    includes="MTP weights shipped separately (deepwiki of README)", native_format="fp8",
    format_detail="official config quantization_config fp8 e4m3 block 128 (project's local snapshot of the published config)",
    released="2025-12-16", release_source="https://github.com/XiaomiMiMo/MiMo-V2-Flash",
    params_source="https://deepwiki.com/XiaomiMiMo/MiMo-V2-Flash/1.2-model-variants", weak=True,
    notes="Date 2025-12-16 from adwaitx (third-party); transformers issue with HF link 2025-12-19. Card: SWE-bench 73.4 (relay).")
add(model="MiMo-V2.5", hf_repo="XiaomiMiMo/MiMo-V2.5", total_b=310, active_b=15,
    includes="card lists separately: ViT 729M, audio encoder 261M, MTP 329M (3 layers) — not stated whether inside 310B; omnimodal",
    native_format=None, released="2026-04-22", weights_released="2026-04-28",
    release_source="https://mimo.xiaomi.com/mimo-v2-5-pro/", params_source="https://huggingface.co/XiaomiMiMo/MiMo-V2.5", weak=True,
    notes="Card seen via mirror. Announced ~2026-04-22/23 (x.com/xiaomimimo), weights collection XiaomiMiMo/mimo-v25 open by 2026-04-28/29; MIT. Trained FP8 mixed precision; checkpoint dtype not seen. Superseded on API by V2.6 (deprecation 2026-10-21).")
add(model="MiMo-V2.5-Pro", hf_repo="XiaomiMiMo/MiMo-V2.5-Pro", total_b=1020, active_b=42,
    includes="text-only (multimodal planned); 70 layers (1 dense + 69 MoE), 384 experts 8 active",
    native_format=None, released="2026-04-22", weights_released="2026-04-28",
    release_source="https://mimo.xiaomi.com/mimo-v2-5-pro/", params_source="https://docs.sglang.io/cookbook/autoregressive/Xiaomi/MiMo-V2.5", weak=True,
    notes="1.02T/42B per SGLang docs and substack summary of card; MIT; trained FP8, ckpt dtype not seen.")
add(model="MiMo-V2.6 (Flash / Pro)", hf_repo="XiaomiMiMo/MiMo-V2.6-Flash-RL", total_b=None, active_b=None,
    includes="vision; 1M ctx", native_format=None, released="2026-09-22", release_source="https://mimo.xiaomi.com/mimo-v2-6",
    params_source=None, weak=True,
    notes="Aug-Nov window extra. Launched 2026-09-22 (llmgateway PR #4173); models.dev issue #7720 says Flash and Pro weights are on HF/ModelScope under MIT. Parameter counts not found.")

# ---------------- NVIDIA ----------------
add(model="Nemotron 3 Nano 30B-A3B", hf_repo="nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", total_b=31.6, active_b=3.2,
    includes="3.2B active excl. embeddings; ~3.6B incl. (third-party 3.2-3.6B); hybrid Mamba-2/MoE/GQA, 52 layers",
    native_format="bf16", format_detail="official BF16 + FP8 repos",
    released="2025-12-15", release_source="https://www.open-source-ai.tech/models/nemotron-3-nano",
    params_source="https://awesomeagents.ai/models/nemotron-3-nano-30b-a3b", weak=True,
    coding_scores={"swe_bench_verified":38.8,"source":"awesomeagents (relay, OpenHands)"},
    notes="Vendor card not reached; figures consistent across awesomeagents, crafiq, open-source-ai.tech (date). apxml says 3.5B active. Vercel's 'Dec 1 2024' is wrong.")
add(model="Nemotron 3 Super 120B-A12B", hf_repo="nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4", total_b=120, active_b=12,
    includes="LatentMoE Mamba-2/MoE/attention hybrid with MTP layers (card does not say if MTP counted)",
    native_format="bf16", format_detail="pretrained in NVFP4; official ckpts: BF16 (post-trained), FP8, NVFP4, Base BF16",
    released="2026-03-11", release_source="https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4",
    params_source="https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4",
    notes="Card 'Release Date March 11, 2026' (mirror). Research page https://research.nvidia.com/labs/nemotron/Nemotron-3-Super.")
add(model="Nemotron 3 Ultra 550B-A55B", hf_repo="nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16", total_b=550, active_b=55,
    includes="LatentMoE hybrid with MTP", native_format="bf16", format_detail="official BF16 + NVFP4 repos; NVFP4 pretraining recipe",
    released="2026-06-04", release_source="https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16",
    params_source="https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16",
    notes="Card (RedHatAI copy of NVIDIA card) Release Date June 4, 2026; OpenMDW-1.1 licence.")

# ---------------- Google ----------------
add(model="Gemma 4 31B", hf_repo=None, total_b=30.7, active_b=30.7,
    includes="dense; vision encoder ~550M (nextomoro) — not stated whether inside 30.7B", native_format="bf16",
    released="2026-04-02", release_source="https://graphwiz.ai/ai/gemma-4-model-guide",
    params_source="https://andysmith.ai/wiki/gemma-4-model-card/", weak=True,
    notes="Figures from summaries of the official model card (andysmith.ai, sipoch, nextomoro). Release source URL pattern not verified; date 2026-04-02 from several third parties. HF id not seen (nvidia/Gemma-4-31B-IT-NVFP4 exists). Card: LiveCodeBench v6 80.0.")
add(model="Gemma 4 26B-A4B", hf_repo="google/gemma-4-26B-A4B", total_b=25.2, active_b=3.8,
    includes="128 experts, 8 active + 1 shared; vision", native_format="bf16",
    released="2026-04-02", release_source="https://graphwiz.ai/ai/gemma-4-model-guide",
    params_source="https://andysmith.ai/wiki/gemma-4-model-card/", weak=True,
    notes="Card: LiveCodeBench v6 77.1. Release URL not verified.")

# ---------------- DeepReinforce Ornith ----------------
orn_src="https://github.com/deepreinforce-ai/Ornith-1"
add(model="Ornith-1.0-9B", hf_repo="deepreinforce-ai/Ornith-1.0-9B", total_b=9, active_b=9,
    includes="dense (~9B); post-trained on Qwen3.5/Gemma 4 (which base per size not stated)", native_format="bf16",
    released="2026-06-25", release_source="https://deep-reinforce.com/ornith_1_0.html", params_source=orn_src,
    coding_scores={"terminal_bench_2_1_terminus2":43.1,"terminal_bench_2_1_claude_code":40.6,"swe_bench_verified":69.4,"swe_bench_pro":42.9,"source":"Ornith-1 README (vendor)"},
    notes="MIT; GGUF variant.")
add(model="Ornith-1.0-31B", hf_repo=None, total_b=31, active_b=31, includes="dense (announced)", native_format=None,
    released="2026-06-25", release_source="https://deep-reinforce.com/ornith_1_0.html", params_source=orn_src, weak=True,
    notes="Announced but no HF repo as of 2026-07-03 (ai-infrastructure.net) and not in README checkpoint table. Likely Gemma-4-31B based (unconfirmed).")
add(model="Ornith-1.0-35B", hf_repo="deepreinforce-ai/Ornith-1.0-35B", total_b=35, active_b=3,
    includes="MoE", native_format="bf16", format_detail="bf16 + official -FP8 + GGUF",
    released="2026-06-25", release_source="https://deep-reinforce.com/ornith_1_0.html", params_source=orn_src, weak=True,
    coding_scores={"terminal_bench_2_1_terminus2":64.2,"terminal_bench_2_1_claude_code":62.8,"swe_bench_verified":75.6,"swe_bench_pro":50.4,"source":"Ornith-1 README (vendor)"},
    notes="active ~3B only from a reddit guide (weak); consistent with a Qwen3.5-35B-A3B base.")
add(model="Ornith-1.0-397B", hf_repo="deepreinforce-ai/Ornith-1.0-397B", total_b=397, active_b=17,
    includes="MoE, 60 layers (linear attn, full attn every 4th), 512 experts 10 routed + 1 shared = Qwen3.5-397B-A17B layout",
    native_format="bf16", format_detail="bf16 + official -FP8",
    released="2026-06-25", release_source="https://deep-reinforce.com/ornith_1_0.html", params_source=orn_src, weak=True,
    coding_scores={"terminal_bench_2_1_terminus2":77.5,"terminal_bench_2_1_claude_code":78.2,"swe_bench_verified":82.4,"swe_bench_pro":62.2,"source":"Ornith-1 README (vendor)"},
    notes="'397B-A17B' from cnblogs + ai-infrastructure.net config reading (weak).")

# ---------------- Tencent ----------------
add(model="Tencent Hy3-preview", hf_repo="tencent/Hy3-preview", total_b=295, active_b=21,
    includes="card lists MTP layer params (3.8B) separately; 80 layers excl. MTP; 192 experts top-8", native_format="bf16",
    released="2026-04-23", release_source="https://huggingface.co/tencent/Hy3-preview",
    params_source="https://huggingface.co/tencent/Hy3-preview",
    coding_scores={"swe_bench_verified":74.4,"terminal_bench_2_0":54.4,"source":"HF model card (vendor)"},
    notes="Card seen via mirrors; date from several outlets (donniechu, type0). Separate Hy3 preview-Base.")

# ---------------- Qwen ----------------
add(model="Qwen3.8-27B", hf_repo="Qwen/Qwen3.8-27B", total_b=27, active_b=27,
    includes="dense native VLM; 27B incl. vision tower (HF safetensors count ~28B); MTP head in checkpoint",
    native_format="bf16", format_detail="official Qwen/Qwen3.8-27B-FP8 sibling",
    released="2026-08-14", release_source="https://github.com/QwenLM/Qwen3.8",
    params_source="https://docs.nvidia.com/nemo/automodel/model-coverage/vision-language-models/qwen/Qwen3.8-27B",
    notes="Official QwenLM/Qwen3.8 README News: '2026-08-14: Qwen3.8-27B is now available on Hugging Face'. The HF repo creation date 2026-08-05 is NOT the release. Apache-2.0. Same Qwen3.5 architecture (Gated DeltaNet hybrid).")
add(model="Qwen3.8-2.4T-A95B", hf_repo="Qwen/Qwen3.8-2.4T-A95B", total_b=2400, active_b=95,
    includes="MoE 512 experts (10 routed + 1 shared, weak)", native_format="bf16",
    format_detail="bf16 per config; an FP8 repo Qwen/Qwen3.8-2.4T-A95B-FP8 appears in project snapshots (not verified here)",
    released="2026-08-12", release_source="https://github.com/QwenLM/Qwen3.8",
    params_source="https://unsloth.ai/docs/models/qwen3.8-27b", weak=False,
    notes="README News: '2026-08-12: Qwen3.8-2.4T-A95B is now available'. First Max-class open release. Qwen3.8-Max is the API model; there is no Qwen3.8-35B-A3B (ms-swift PR #9914 comment, 2026-08-17).")

# ---------------- Cohere ----------------
add(model="Cohere North Mini Code", hf_repo="CohereLabs/North-Mini-Code-1.0", total_b=30, active_b=3,
    includes="MoE 128 experts/8 active; 49 layers (3:1 SWA/global)", native_format="bf16",
    format_detail="BF16 original ~56.8 GB (third-party GGUF card)",
    released="2026-06-09", release_source="https://cohere.com/blog/north-mini-code",
    params_source="https://huggingface.co/blog/CohereLabs/introducing-north-mini-code",
    coding_scores={"artificial_analysis_coding_index":33.4,"source":"Cohere HF blog (vendor-cited AA)"},
    notes="Apache 2.0. Third-party computed ~30.5B total / ~2.7B active.")

# ---------------- Sarvam ----------------
add(model="Sarvam 30B", hf_repo=None, total_b=30, active_b=2.4, includes="MoE 128 experts, GQA", native_format="bf16",
    released="2026-03-06", release_source="https://lilting.ch/en/articles/sarvam-105b-30b-open-source-llm",
    params_source="https://prateeksinghphd.in/sarvam-ai.html", weak=True,
    notes="Apache 2.0, weights on HF + AIKosh; HF repo id not seen; bf16 per colaberry (weak).")
add(model="Sarvam 105B", hf_repo=None, total_b=105, active_b=10.3, includes="MoE 128 experts top-8, MLA, 32 layers", native_format="bf16",
    released="2026-03-06", release_source="https://lilting.ch/en/articles/sarvam-105b-30b-open-source-llm",
    params_source="https://prateeksinghphd.in/sarvam-ai.html", weak=True,
    notes="apxml says 106B total; CNA (pre-release) quoted ~9B active.")

# ---------------- Other open-weight coding-capable models seen ----------------
add(model="Meta Muse Glimmer 30B", hf_repo="meta-models/Muse-Glimmer-30B", total_b=29.8, active_b=27.9,
    includes="dense: 27.9B text decoder + 1.9B ViT (sum = 29.8B); 52 layers hybrid SWA", native_format="bf16",
    format_detail="official BF16, NVFP4 (+MXFP8 recipe), GGUF, MLX",
    released="2026-08-10", release_source="https://research.meta.ai/blog/introducing-muse-glimmer-open-agentic-model",
    params_source="https://github.com/lm-sys/lm-sys.github.io/pull/388", weak=True,
    coding_scores={"swe_bench_pro":51.2,"mcp_atlas":75.5,"source":"HF blog / MarkTechPost via machineherald review (vendor-reported)"},
    notes="Aug-Nov window extra; Apache 2.0; agentic on-device model distilled from Muse Spark.")
add(model="Meituan LongCat-2.0", hf_repo="meituan-longcat/LongCat-2.0", total_b=1600, active_b=48,
    includes="MoE, LongCat Sparse Attention", native_format=None, released=None,
    release_source="https://x.com/Meituan_LongCat/status/2073768940078317713",
    params_source="https://github.com/datacurve-ai/deep-swe/issues/50", weak=True,
    notes="Outside Aug-Nov window (open by 2026-07-06); MIT; card reports TB2.1 / SWE-bench Pro results (values not seen).")

out={"generated":"2026-12-01","method":"see notes.md in this folder; look-ups used 68/80","models":M,
 "not_found":[
  "Kimi-K3 activated parameters per token (not public as of 2026-07-16; not found after weights release)",
  "DeepSeek-V4.1-Pro (announced as future; not released as of 2026-09)",
  "DeepSeek-V4.1-Flash HF repo id and checkpoint format",
  "DeepSeek-V4-Pro-0813 checkpoint format (assumed same as V4-Pro, unverified)",
  "GLM-5.3 and GLM-5.3-Flash HF repo ids (not seen verbatim)",
  "GLM-5.2 official blog/card release date (only HF repo creation 2026-06-16)",
  "Qwen3.8-35B-A3B (does not exist; ms-swift ids were wrong), Qwen3.8-Max (API model, no weights found)",
  "Ornith-1.0-31B weights (announced, no repo as of 2026-07-03)",
  "MiMo-V2.6 Flash/Pro parameter counts",
  "MiMo-V2.5 / V2.5-Pro checkpoint dtype",
  "MiniMax-M2.1 vendor-stated parameter count and checkpoint format",
  "Step-3.5-Flash official release date",
  "Nemotron 3 Nano vendor card (figures only from third parties)",
  "Gemma 4 31B HF repo id; whether Gemma 4 totals include the vision encoder",
  "Sarvam 30B/105B HF repo ids",
  "Qwen3.8-27B official blog post (release date taken from QwenLM/Qwen3.8 README News)"]}
json.dump(out,open("/work/main/sources/research/params.json","w"),indent=1,ensure_ascii=False)
print(len(M))
