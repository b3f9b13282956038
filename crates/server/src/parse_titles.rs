//! `unified-radarr parse`: release titles read from the command line or
//! stdin, each written as one line of the JSON `GET /api/v3/parse` answers
//! (without a library, so without a matched movie). Built to have millions
//! of titles piped through it: one buffered writer, no allocation kept per
//! title.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use api::resources::parse::ParseResource;
use parser::parse_movie_title;

/// Writes one JSON line for `title`.
fn write_one(out: &mut impl Write, title: &str) -> std::io::Result<()> {
    let parsed = parse_movie_title(title, false);
    serde_json::to_writer(&mut *out, &ParseResource::new(title, parsed.as_ref(), None))?;
    out.write_all(b"\n")
}

/// Reads `titles`, or stdin when there are none, writing to stdout.
pub fn run(titles: &[String]) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if titles.is_empty() {
        parse_lines(std::io::stdin().lock(), &mut out)
    } else {
        titles
            .iter()
            .try_for_each(|title| write_one(&mut out, title))
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`| head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unified-radarr parse: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One title a line; a line that is not UTF-8 is read with its bad bytes
/// replaced rather than refused.
pub fn parse_lines(mut input: impl BufRead, out: &mut impl Write) -> std::io::Result<()> {
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        write_one(out, text.trim_end_matches(['\n', '\r']))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gets_a_json_line() {
        let input = b"The.Matrix.1999.1080p.BluRay.x264-GROUP\n\xff\xfe bad bytes\r\n\nlast";
        let mut out = Vec::new();
        parse_lines(&input[..], &mut out).unwrap_or_default();
        let lines: Vec<serde_json::Value> = out
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .filter_map(|l| serde_json::from_slice(l).ok())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0]["parsedMovieInfo"]["primaryMovieTitle"],
            "The Matrix"
        );
        assert_eq!(lines[0]["parsedMovieInfo"]["year"], 1999);
        assert!(
            lines[1]["title"]
                .as_str()
                .is_some_and(|t| t.ends_with("bad bytes"))
        );
        assert_eq!(lines[2]["title"], "");
        assert_eq!(lines[3]["title"], "last");
    }
}
