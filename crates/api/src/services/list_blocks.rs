//! The rendered movie list as compressed blocks of about 64 KB, each holding
//! a run of movies in id order and knowing where each one ends. A change to a
//! few movies rebuilds only the blocks that hold them; the rest are shared
//! with the list before the change.
//!
//! Each block is kept two ways: LZ4, which unpacks at gigabytes a second for
//! clients that take plain JSON, and a piece of raw deflate ended with a sync
//! flush. The gzip form of the whole list is the pieces laid end to end
//! between a gzip header and trailer (the trailer's CRC is combined from the
//! blocks' own), so it too is rebuilt only where the list changed. A piece is
//! compressed with the block before it as its dictionary, which the reader
//! has just unpacked, so it compresses as well as one stream would; it is
//! made again when that block changes.

use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use flate2::{Compress, Compression, FlushCompress, Status};

/// Bytes of JSON a block holds before the next one starts.
pub const BLOCK_BYTES: usize = 64 * 1024;

/// A run of the list's movies, in id order, their JSON joined by commas.
pub struct Block {
    /// The movies' ids, ascending.
    ids: Box<[i32]>,
    /// Where each movie's JSON ends in the unpacked block.
    ends: Box<[u32]>,
    /// The unpacked length.
    len: usize,
    lz4: Bytes,
    crc: crc32fast::Hasher,
    /// The deflate piece that follows the block before it in the list (see
    /// [`deflate_missing`]): it costs several times the LZ4 form, so it is
    /// made after the response that rendered the block.
    deflated: OnceLock<Bytes>,
}

impl Block {
    /// A block of `json`, which holds the movies `ids` joined by commas, the
    /// JSON of each ending at the matching offset of `ends`.
    fn new(ids: Vec<i32>, ends: Vec<u32>, json: &[u8]) -> Block {
        let mut crc = crc32fast::Hasher::new();
        crc.update(json);
        Block {
            ids: ids.into(),
            ends: ends.into(),
            len: json.len(),
            lz4: Bytes::from(lz4_flex::block::compress(json)),
            crc,
            deflated: OnceLock::new(),
        }
    }

    fn first_id(&self) -> Option<i32> {
        self.ids.first().copied()
    }

    /// The JSON, after `separator` (`[` or `,`).
    pub fn unpack_after(&self, separator: u8) -> std::io::Result<Vec<u8>> {
        let mut out = vec![0; self.len + 1];
        out[0] = separator;
        let written = lz4_flex::block::decompress_into(&self.lz4, &mut out[1..])
            .map_err(std::io::Error::other)?;
        if written != self.len {
            return Err(std::io::Error::other("a list block unpacked short"));
        }
        Ok(out)
    }

    /// The same block, without a deflate piece: its predecessor changed.
    fn after_new_predecessor(&self) -> Block {
        Block {
            ids: self.ids.clone(),
            ends: self.ends.clone(),
            len: self.len,
            lz4: self.lz4.clone(),
            crc: self.crc.clone(),
            deflated: OnceLock::new(),
        }
    }

    /// Each movie's id and JSON.
    fn movies<'a>(&'a self, json: &'a [u8]) -> impl Iterator<Item = (i32, &'a [u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|end| *end as usize + 1));
        self.ids
            .iter()
            .zip(starts.zip(self.ends.iter()))
            .map(|(id, (start, end))| (*id, &json[start..*end as usize]))
    }
}

/// A block as rendered, before compression: its JSON follows one byte that
/// goes before it in the list (`[` for the first block, else `,`), so the
/// response can send it as it is.
pub struct RawBlock {
    ids: Vec<i32>,
    ends: Vec<u32>,
    framed: Bytes,
}

impl RawBlock {
    /// The separator, then the JSON.
    pub fn framed(&self) -> &Bytes {
        &self.framed
    }

    /// The block compressed.
    pub fn compress(self) -> Block {
        Block::new(self.ids, self.ends, &self.framed[1..])
    }
}

/// Movies joined by commas into blocks of about [`BLOCK_BYTES`].
#[derive(Default)]
pub struct BlockWriter {
    ids: Vec<i32>,
    ends: Vec<u32>,
    buf: Vec<u8>,
    /// Whether a block was taken, so the next one follows a comma.
    taken: bool,
}

impl BlockWriter {
    /// Adds a movie: its id and its JSON, written by `write`. Returns the
    /// block it filled, if it did.
    pub fn push(&mut self, id: i32, write: impl FnOnce(&mut Vec<u8>)) -> Option<RawBlock> {
        if self.buf.is_empty() {
            self.buf.reserve(BLOCK_BYTES + BLOCK_BYTES / 8);
            self.buf.push(if self.taken { b',' } else { b'[' });
        } else {
            self.buf.push(b',');
        }
        write(&mut self.buf);
        self.ids.push(id);
        let end = self.buf.len() - 1;
        self.ends.push(u32::try_from(end).unwrap_or(u32::MAX));
        (end >= BLOCK_BYTES).then(|| self.take())
    }

    /// The block being filled, if it holds any movie.
    pub fn finish(mut self) -> Option<RawBlock> {
        (!self.ids.is_empty()).then(|| self.take())
    }

    fn take(&mut self) -> RawBlock {
        self.taken = true;
        RawBlock {
            ids: std::mem::take(&mut self.ids),
            ends: std::mem::take(&mut self.ends),
            framed: Bytes::from(std::mem::take(&mut self.buf)),
        }
    }
}

/// The list with movies replaced, added or removed: `changes` holds, by
/// ascending id, each changed movie's new JSON, or `None` for one that is gone.
pub fn patched(
    blocks: &[Arc<Block>],
    changes: &[(i32, Option<Vec<u8>>)],
) -> std::io::Result<Vec<Arc<Block>>> {
    let mut out = Vec::with_capacity(blocks.len() + 1);
    // Whether each block of `out` is new, rather than shared with `blocks`.
    let mut new = Vec::with_capacity(blocks.len() + 1);
    let mut rest = changes;
    // Whether the block before is the one that was before, so a kept
    // block's deflate piece still follows what it was made after.
    let mut same_before = true;
    for (i, block) in blocks.iter().enumerate() {
        // A block takes the changes up to the next block's first movie; the
        // last takes all that remain (new movies get the highest ids).
        let taken = match blocks.get(i + 1).and_then(|next| next.first_id()) {
            Some(next) => rest.partition_point(|(id, _)| *id < next),
            None => rest.len(),
        };
        let (mine, later) = rest.split_at(taken);
        rest = later;
        if mine.is_empty() {
            out.push(match same_before {
                true => block.clone(),
                false => Arc::new(block.after_new_predecessor()),
            });
            new.push(!same_before);
            same_before = true;
            continue;
        }
        let json = block.unpack_after(b',')?;
        let rebuilt = write_blocks(merge(block.movies(&json[1..]), mine));
        new.extend(rebuilt.iter().map(|_| true));
        out.extend(rebuilt.into_iter().map(Arc::new));
        same_before = false;
    }
    if blocks.is_empty() {
        let written = write_blocks(merge(std::iter::empty(), rest));
        new.extend(written.iter().map(|_| true));
        out.extend(written.into_iter().map(Arc::new));
    }
    // Only the new blocks' pieces: the shared ones are made (or being made,
    // after the response that rendered them) for the list they came from.
    deflate_pieces(&out, |i| new[i])?;
    Ok(out)
}

/// Makes the deflate pieces the blocks lack, each with the block before it
/// (and the comma between them) as its dictionary.
pub fn deflate_missing(blocks: &[Arc<Block>]) -> std::io::Result<()> {
    deflate_pieces(blocks, |_| true)
}

/// Makes the missing deflate pieces of the blocks `wanted` picks by index.
fn deflate_pieces(blocks: &[Arc<Block>], wanted: impl Fn(usize) -> bool) -> std::io::Result<()> {
    // The block before, unpacked for its own piece, after its separator.
    let mut before: Option<Vec<u8>> = None;
    for (i, block) in blocks.iter().enumerate() {
        let needed = wanted(i) && block.deflated.get().is_none();
        let next_needs = blocks
            .get(i + 1)
            .is_some_and(|next| wanted(i + 1) && next.deflated.get().is_none());
        if !needed && !next_needs {
            before = None;
            continue;
        }
        let json = block.unpack_after(b',')?;
        if needed {
            let dictionary = match (&before, i) {
                (_, 0) => b"[".to_vec(),
                (Some(before), _) => [&before[1..], b","].concat(),
                (None, _) => {
                    let before = blocks[i - 1].unpack_after(b',')?;
                    [&before[1..], b","].concat()
                }
            };
            let piece = deflate(&json[1..], &dictionary, FlushCompress::Sync)?;
            let _ = block.deflated.set(piece);
        }
        before = Some(json);
    }
    Ok(())
}

/// The movies of a block and its changes, by id, without those removed.
fn merge<'a>(
    old: impl Iterator<Item = (i32, &'a [u8])>,
    changes: &'a [(i32, Option<Vec<u8>>)],
) -> Vec<(i32, &'a [u8])> {
    let mut merged = Vec::new();
    let mut old = old.peekable();
    let mut changes = changes.iter().peekable();
    loop {
        match (old.peek(), changes.peek()) {
            (Some((old_id, _)), Some((changed_id, _))) if old_id < changed_id => {
                merged.extend(old.next());
            }
            (_, Some((changed_id, json))) => {
                if old.peek().is_some_and(|(id, _)| id == changed_id) {
                    old.next();
                }
                if let Some(json) = json {
                    merged.push((*changed_id, json.as_slice()));
                }
                changes.next();
            }
            (Some(_), None) => merged.extend(old.next()),
            (None, None) => return merged,
        }
    }
}

fn write_blocks(movies: Vec<(i32, &[u8])>) -> Vec<Block> {
    let mut writer = BlockWriter::default();
    let mut blocks = Vec::new();
    for (id, json) in movies {
        blocks.extend(writer.push(id, |out| out.extend_from_slice(json)));
    }
    blocks.extend(writer.finish());
    blocks.into_iter().map(RawBlock::compress).collect()
}

/// The whole list as one gzip stream, if every block's deflate piece is made.
pub fn gzip_if_ready(blocks: &[Arc<Block>]) -> Option<Bytes> {
    let pieces: Vec<&Bytes> = blocks
        .iter()
        .map(|b| b.deflated.get())
        .collect::<Option<_>>()?;
    let frame = Frame::get().ok()?;
    let mut crc = frame.open_crc.clone();
    let mut len = 1 + blocks.len().saturating_sub(1) + 1;
    let size: usize = pieces.iter().map(|p| p.len()).sum();
    let mut out = Vec::with_capacity(size + blocks.len() * frame.comma.len() + 64);
    out.extend_from_slice(&GZIP_HEADER);
    out.extend_from_slice(&frame.open);
    for (i, (block, piece)) in blocks.iter().zip(pieces).enumerate() {
        if i > 0 {
            out.extend_from_slice(&frame.comma);
            crc.combine(&frame.comma_crc);
        }
        out.extend_from_slice(piece);
        crc.combine(&block.crc);
        len += block.len;
    }
    out.extend_from_slice(&frame.close);
    crc.combine(&frame.close_crc);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // The gzip trailer holds the length modulo 2^32.
    out.extend_from_slice(&(len as u32).to_le_bytes());
    Some(Bytes::from(out))
}

/// Deflate format, no name, no time, fastest compression, unknown system.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 255];

/// The deflate pieces of the array's brackets and commas, made once.
struct Frame {
    open: Vec<u8>,
    open_crc: crc32fast::Hasher,
    comma: Vec<u8>,
    comma_crc: crc32fast::Hasher,
    /// Ends the deflate stream.
    close: Vec<u8>,
    close_crc: crc32fast::Hasher,
}

impl Frame {
    fn get() -> std::io::Result<&'static Frame> {
        static FRAME: OnceLock<Frame> = OnceLock::new();
        if let Some(frame) = FRAME.get() {
            return Ok(frame);
        }
        let crc = |text: &[u8]| {
            let mut crc = crc32fast::Hasher::new();
            crc.update(text);
            crc
        };
        let frame = Frame {
            open: deflate(b"[", b"", FlushCompress::Sync)?.to_vec(),
            open_crc: crc(b"["),
            comma: deflate(b",", b"", FlushCompress::Sync)?.to_vec(),
            comma_crc: crc(b","),
            close: deflate(b"]", b"", FlushCompress::Finish)?.to_vec(),
            close_crc: crc(b"]"),
        };
        Ok(FRAME.get_or_init(|| frame))
    }
}

/// `input` as raw deflate that refers to nothing before it but `dictionary`
/// (which must end what comes before it in the stream), ended by `flush`: a
/// sync flush leaves it byte-aligned for the next piece to follow, a finish
/// ends the stream.
fn deflate(input: &[u8], dictionary: &[u8], flush: FlushCompress) -> std::io::Result<Bytes> {
    let mut compress = Compress::new(Compression::fast(), false);
    // Deflate looks back 32 KB at most.
    let window = dictionary.len().saturating_sub(32 * 1024);
    if !dictionary.is_empty() {
        compress
            .set_dictionary(&dictionary[window..])
            .map_err(std::io::Error::other)?;
    }
    let mut out = Vec::with_capacity(input.len() / 4 + 64);
    loop {
        let read = usize::try_from(compress.total_in()).unwrap_or(input.len());
        let status = compress
            .compress_vec(&input[read..], &mut out, flush)
            .map_err(std::io::Error::other)?;
        let all_read = compress.total_in() as usize == input.len();
        let done = match flush {
            FlushCompress::Finish => status == Status::StreamEnd,
            // The flush is complete once it stopped with room to spare.
            _ => all_read && out.len() < out.capacity(),
        };
        if done {
            return Ok(Bytes::from(out));
        }
        out.reserve(out.capacity().max(1024));
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// A movie with a title of `len` characters, a different one for each id
    /// (a list of one repeated letter would hide a piece decoded against the
    /// wrong dictionary).
    fn movie(id: i32, len: usize) -> Vec<u8> {
        let mut state = u64::from(id.unsigned_abs()).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let title: String = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                char::from(b"abcdefghij klmnopqrstuvwxyz"[(state % 27) as usize])
            })
            .collect();
        format!(r#"{{"id":{id},"title":"{title}"}}"#).into_bytes()
    }

    fn blocks_of(ids: impl IntoIterator<Item = i32>, pad: usize) -> Vec<Arc<Block>> {
        let movies: Vec<(i32, Vec<u8>)> = ids.into_iter().map(|id| (id, movie(id, pad))).collect();
        write_blocks(movies.iter().map(|(id, j)| (*id, j.as_slice())).collect())
            .into_iter()
            .map(Arc::new)
            .collect()
    }

    fn unpacked(blocks: &[Arc<Block>]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            let sep = if i == 0 { b'[' } else { b',' };
            out.extend(block.unpack_after(sep).expect("unpack"));
        }
        if blocks.is_empty() {
            out.push(b'[');
        }
        out.push(b']');
        out
    }

    fn expected(ids: impl IntoIterator<Item = i32>, pad: usize) -> Vec<u8> {
        let movies: Vec<Vec<u8>> = ids.into_iter().map(|id| movie(id, pad)).collect();
        [b"[".to_vec(), movies.join(&b","[..]), b"]".to_vec()].concat()
    }

    fn gunzip(blocks: &[Arc<Block>]) -> Vec<u8> {
        deflate_missing(blocks).expect("deflate");
        let gzip = gzip_if_ready(blocks).expect("every piece made");
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut out)
            .expect("one valid gzip stream, its CRC and length checked");
        out
    }

    #[test]
    fn blocks_hold_the_list_both_ways() {
        let blocks = blocks_of(1..=2000, 200);
        assert!(blocks.len() > 4, "{} blocks", blocks.len());
        assert_eq!(unpacked(&blocks), expected(1..=2000, 200));
        assert!(gzip_if_ready(&blocks).is_none(), "pieces not made yet");
        assert_eq!(gunzip(&blocks), expected(1..=2000, 200));
        assert_eq!(gunzip(&[]), b"[]");
        // Chained by their dictionaries, the pieces compress about as well as
        // one stream.
        let pieces = gzip_if_ready(&blocks).expect("made").len();
        let mut one = flate2::write::GzEncoder::new(Vec::new(), Compression::fast());
        std::io::Write::write_all(&mut one, &expected(1..=2000, 200)).expect("gzip");
        let one = one.finish().expect("gzip").len();
        assert!(pieces * 100 < one * 103, "{pieces} bytes against {one}");
    }

    #[test]
    fn a_patch_changes_adds_and_removes_movies() {
        let blocks = blocks_of((1..=2000).map(|i| i * 2), 200);
        let changes = vec![
            (1, Some(movie(1, 200))),       // before the first
            (500, Some(movie(500, 5))),     // changed
            (502, None),                    // removed
            (1001, Some(movie(1001, 200))), // between two
            (9000, Some(movie(9000, 200))), // after the last
        ];
        let after = patched(&blocks, &changes).expect("patch");
        let mut ids: Vec<i32> = (1..=2000).map(|i| i * 2).collect();
        ids.extend([1, 1001, 9000]);
        ids.retain(|id| *id != 502);
        ids.sort_unstable();
        let want: Vec<u8> = {
            let movies: Vec<Vec<u8>> = ids
                .iter()
                .map(|id| movie(*id, if *id == 500 { 5 } else { 200 }))
                .collect();
            [b"[".to_vec(), movies.join(&b","[..]), b"]".to_vec()].concat()
        };
        assert_eq!(unpacked(&after), want);
        assert_eq!(gunzip(&after), want);
        let shared = after
            .iter()
            .filter(|b| blocks.iter().any(|old| Arc::ptr_eq(b, old)))
            .count();
        assert!(
            shared + 4 >= blocks.len(),
            "untouched blocks are shared: {shared} of {}",
            blocks.len()
        );
    }

    #[test]
    fn the_block_after_a_changed_one_is_deflated_again() {
        let blocks = blocks_of(1..=2000, 200);
        deflate_missing(&blocks).expect("deflate");
        // The last movie of a block, which the next block's piece refers back to.
        let last = *blocks[1].ids.last().expect("movies");
        let after = patched(&blocks, &[(last, Some(movie(last + 7, 150)))]).expect("patch");
        assert!(
            Arc::ptr_eq(&after[0], &blocks[0]),
            "the block before is shared"
        );
        assert!(
            !Arc::ptr_eq(&after[2], &blocks[2]),
            "the block after is not"
        );
        let movies: Vec<Vec<u8>> = (1..=2000)
            .map(|id| {
                if id == last {
                    movie(last + 7, 150)
                } else {
                    movie(id, 200)
                }
            })
            .collect();
        let want = [b"[".to_vec(), movies.join(&b","[..]), b"]".to_vec()].concat();
        assert_eq!(gunzip(&after), want);
    }

    #[test]
    fn a_patch_deflates_only_its_new_blocks() {
        // Pieces not made yet, as while the rendering's worker still deflates.
        let blocks = blocks_of(1..=2000, 200);
        let last = *blocks[1].ids.last().expect("movies");
        let after = patched(&blocks, &[(last, Some(movie(last, 10)))]).expect("patch");
        let made: Vec<usize> = (0..after.len())
            .filter(|i| after[*i].deflated.get().is_some())
            .collect();
        assert_eq!(made, vec![1, 2], "the changed block and the one after it");
        assert!(gzip_if_ready(&after).is_none());
        deflate_missing(&blocks).expect("the worker finishes");
        assert!(gzip_if_ready(&after).is_some(), "shared blocks got theirs");
    }

    #[test]
    fn a_patch_can_empty_the_list_and_fill_it_again() {
        let blocks = blocks_of([3, 4], 10);
        let emptied = patched(&blocks, &[(3, None), (4, None)]).expect("patch");
        assert!(emptied.is_empty());
        assert_eq!(unpacked(&emptied), b"[]");
        let filled = patched(&emptied, &[(7, Some(movie(7, 10)))]).expect("patch");
        assert_eq!(unpacked(&filled), expected([7], 10));
    }

    #[test]
    fn a_growing_block_is_split() {
        let blocks = blocks_of([1], 10);
        let added: Vec<(i32, Option<Vec<u8>>)> =
            (2..=1000).map(|id| (id, Some(movie(id, 300)))).collect();
        let after = patched(&blocks, &added).expect("patch");
        assert!(after.len() > 4, "{} blocks", after.len());
        assert!(after.iter().all(|b| b.len < 2 * BLOCK_BYTES));
        let movies: Vec<Vec<u8>> = std::iter::once(movie(1, 10))
            .chain((2..=1000).map(|id| movie(id, 300)))
            .collect();
        assert_eq!(
            unpacked(&after),
            [b"[".to_vec(), movies.join(&b","[..]), b"]".to_vec()].concat()
        );
    }
}
