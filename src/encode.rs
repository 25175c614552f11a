//! The compiled form of validated data, in one home for its two users: `build.rs`, which
//! compiles `data/` into the binary, and the cache of a `--data-dir` (`cache.rs`).
//!
//! Each record is encoded on its own with postcard, the records of a kind one after another,
//! with an index of (id, start, end) into them, so that `hi` decodes only the records a
//! command needs. Only data that passed validation is ever encoded.

use serde::Serialize;

use crate::model::*;
use crate::record::Record;

/// One kind's records, each encoded on its own, one after another, and where each lies.
pub(crate) struct EncodedKind {
    pub bytes: Vec<u8>,
    /// (id, start, end) of each record in `bytes`, in the order of the file.
    pub index: Vec<(String, usize, usize)>,
}

/// The whole catalog, compiled: `about` and, in the order of `for_each_kind!`, each kind by the
/// name of its field in [`Data`].
pub(crate) struct Encoded {
    pub about: Vec<u8>,
    pub kinds: Vec<(&'static str, EncodedKind)>,
}

/// Encodes validated data.
pub(crate) fn encode(data: &Data) -> Encoded {
    let mut kinds = Vec::new();
    macro_rules! encode_kinds {
        ($($kind:ident: $type:ident, $field:ident, $($rest:literal),*;)*) => {
            $(kinds.push((stringify!($field), encode_kind(&data.$field)));)*
        };
    }
    for_each_kind!(encode_kinds);
    Encoded {
        about: encode_one(&data.about),
        kinds,
    }
}

fn encode_kind<T: Serialize + Record>(records: &[T]) -> EncodedKind {
    let mut bytes = Vec::new();
    let mut index = Vec::with_capacity(records.len());
    for record in records {
        let start = bytes.len();
        bytes = postcard::to_extend(record, bytes).expect("the data serializes");
        index.push((record.id().to_string(), start, bytes.len()));
    }
    EncodedKind { bytes, index }
}

fn encode_one<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("the data serializes")
}

/// A 64-bit fingerprint of `bytes`, the same on every machine and in every build. It is no
/// cryptographic hash: it tells the cache this `hi` wrote from a damaged or foreign file, and
/// one set of data files from another. Four lanes of 8-byte words, each mixed by a multiply
/// and a rotation (both invertible, so a change to one word always changes its lane), keep it
/// at memory speed.
pub(crate) fn fingerprint(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |state: u64, word: u64| (state ^ word).wrapping_mul(K).rotate_left(29);
    let mut lanes = [1, 2, 3, 4];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = mix(*lane, u64::from_le_bytes(word.try_into().expect("8 bytes")));
        }
    }
    let mut hash = lanes.into_iter().fold(bytes.len() as u64, mix);
    for &byte in blocks.remainder() {
        hash = mix(hash, u64::from(byte));
    }
    hash ^ (hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn a_fingerprint_changes_with_any_byte_and_with_the_length() {
        let text: Vec<u8> = (0..200u8).collect();
        let base = fingerprint(&text);
        for i in 0..text.len() {
            let mut changed = text.clone();
            changed[i] ^= 1;
            assert_ne!(fingerprint(&changed), base, "byte {i}");
        }
        assert_ne!(fingerprint(&text[..199]), base);
        assert_ne!(fingerprint(&[0; 32]), fingerprint(&[0; 33]));
    }
}
