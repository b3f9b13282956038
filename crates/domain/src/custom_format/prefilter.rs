//! A cheap test that must pass before a look-around pattern is worth running.
//!
//! fancy-regex runs a pattern with a look-around (and, in 0.14, any pattern
//! with `\b`) in its backtracking VM, a hundred times slower than the `regex`
//! crate's automata. Look-arounds only ever forbid matches, so the pattern
//! with each look-around removed matches whenever the original does: run on
//! the automata first, it rules most titles out at little cost.
//!
//! A positive look-behind that opens the pattern, or a positive look-ahead
//! that closes it, is kept as plain text to match instead: whether there is
//! a match is unchanged by it, so when it is the only kind of look-around the
//! plain regex answers exactly and the VM is never needed (community formats
//! are often written so, e.g. `(?<=\b[12]\d{3}\b).*\b3D\b`).

use fancy_regex::{Assertion, Expr, LookAround};

/// A plain regex that matches whenever the pattern does.
pub(crate) struct Prefilter {
    /// The regex, in the regex crate's syntax.
    pub regex: regex::Regex,
    /// Whether it matches exactly when the pattern does.
    pub exact: bool,
}

/// The plain regex every match of `source` (already carrying its flags, e.g.
/// `(?i)`) also matches; none when it cannot be built (back-references,
/// conditionals) or would pass every text anyway without being exact.
pub(crate) fn prefilter(source: &str) -> Option<Prefilter> {
    let tree = Expr::parse_tree(source).ok()?;
    let mut plain = String::new();
    let mut exact = true;
    write_top(&tree.expr, &mut plain, &mut exact)?;
    let regex = regex::Regex::new(&plain).ok()?;
    // An inexact filter that passes the empty text passes everything.
    (exact || !regex.is_match("")).then_some(Prefilter { regex, exact })
}

/// Writes the pattern's outer level, where an opening look-behind or a
/// closing look-ahead (of the whole pattern or of one alternative) can be
/// matched as text.
fn write_top(expr: &Expr, out: &mut String, exact: &mut bool) -> Option<()> {
    match expr {
        Expr::Alt(children) => {
            out.push_str("(?:");
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write_top(child, out, exact)?;
            }
            out.push(')');
        }
        Expr::Group(child) => write_top(child, out, exact)?,
        Expr::Concat(children) => {
            out.push_str("(?:");
            // Flags such as `(?i)` may stand as empty parts at either end.
            let solid = |c: &&Expr| !matches!(c, Expr::Empty);
            let first = children.iter().position(|c| solid(&c)).unwrap_or(0);
            let last = children.iter().rposition(|c| solid(&c)).unwrap_or(0);
            for (i, child) in children.iter().enumerate() {
                match child {
                    Expr::LookAround(inner, LookAround::LookBehind) if i == first => {
                        write_group(inner, out, exact)?;
                    }
                    Expr::LookAround(inner, LookAround::LookAhead) if i == last => {
                        write_group(inner, out, exact)?;
                    }
                    _ => write(child, out, exact)?,
                }
            }
            out.push(')');
        }
        Expr::LookAround(inner, LookAround::LookBehind | LookAround::LookAhead) => {
            write_group(inner, out, exact)?;
        }
        _ => write(expr, out, exact)?,
    }
    Some(())
}

fn write_group(expr: &Expr, out: &mut String, exact: &mut bool) -> Option<()> {
    out.push_str("(?:");
    write(expr, out, exact)?;
    out.push(')');
    Some(())
}

/// Writes `expr` in the regex crate's syntax, look-arounds left out (which
/// makes the result inexact); every part is grouped, so no context can
/// rebind it.
fn write(expr: &Expr, out: &mut String, exact: &mut bool) -> Option<()> {
    match expr {
        Expr::Empty => out.push_str("(?:)"),
        // A removed look-around, `\K` and `\G` narrow nothing when left out.
        Expr::LookAround(..) | Expr::KeepOut | Expr::ContinueFromPreviousMatchEnd => {
            *exact = false;
            out.push_str("(?:)");
        }
        Expr::Any { newline } => out.push_str(if *newline { "(?s:.)" } else { "." }),
        Expr::Literal { val, casei } => wrap_case(out, *casei, &regex::escape(val)),
        Expr::Delegate { inner, casei, .. } => wrap_case(out, *casei, inner),
        Expr::Assertion(assertion) => out.push_str(match assertion {
            Assertion::StartText => "^",
            Assertion::EndText => "$",
            Assertion::StartLine { crlf: false } => "(?m:^)",
            Assertion::EndLine { crlf: false } => "(?m:$)",
            Assertion::StartLine { crlf: true } => "(?Rm:^)",
            Assertion::EndLine { crlf: true } => "(?Rm:$)",
            Assertion::LeftWordBoundary => r"\b{start}",
            Assertion::RightWordBoundary => r"\b{end}",
            Assertion::WordBoundary => r"\b",
            Assertion::NotWordBoundary => r"\B",
        }),
        Expr::Concat(children) => {
            out.push_str("(?:");
            for child in children {
                write(child, out, exact)?;
            }
            out.push(')');
        }
        Expr::Alt(children) => {
            out.push_str("(?:");
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                write(child, out, exact)?;
            }
            out.push(')');
        }
        // Captures are not needed.
        Expr::Group(child) => write_group(child, out, exact)?,
        // Atomic groups only forbid matches, like look-arounds.
        Expr::AtomicGroup(child) => {
            *exact = false;
            write_group(child, out, exact)?;
        }
        Expr::Repeat {
            child,
            lo,
            hi,
            greedy,
        } => {
            out.push_str("(?:");
            write(child, out, exact)?;
            out.push(')');
            match (*lo, *hi) {
                (0, 1) => out.push('?'),
                (0, usize::MAX) => out.push('*'),
                (1, usize::MAX) => out.push('+'),
                (lo, hi) if hi == usize::MAX => out.push_str(&format!("{{{lo},}}")),
                (lo, hi) => out.push_str(&format!("{{{lo},{hi}}}")),
            }
            if !greedy {
                out.push('?');
            }
        }
        // What a back-reference or a condition matches depends on the match.
        Expr::Backref(_) | Expr::BackrefExistsCondition(_) | Expr::Conditional { .. } => {
            return None;
        }
    }
    Some(())
}

fn wrap_case(out: &mut String, casei: bool, text: &str) {
    out.push_str(if casei { "(?i:" } else { "(?:" });
    out.push_str(text);
    out.push(')');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(source: &str) -> Prefilter {
        prefilter(source).unwrap()
    }

    #[test]
    fn inner_look_arounds_are_left_out_and_case_is_kept() {
        let f = filter(r"(?i)\bIMAX\b(?![ ._-]?Enhanced)\.");
        assert!(!f.exact);
        assert!(f.regex.is_match("movie.imax.enhanced"), "a superset");
        assert!(!f.regex.is_match("movie.1080p"));
    }

    #[test]
    fn an_opening_look_behind_or_closing_look_ahead_is_matched_exactly() {
        let f = filter(r"(?i)(?<=\b[12]\d{3}\b).*\b(3d|sbs)\b");
        assert!(f.exact);
        assert!(f.regex.is_match("Movie.2010.3D.HSBS.1080p"));
        assert!(!f.regex.is_match("Movie.3d.1080p"), "needs the year before");
        let f = filter(r"(?i)\b(Criterion|CC)\b(?=.*\bBluray\b)|^x(?=y)");
        assert!(f.exact);
        assert!(f.regex.is_match("Movie.CC.1080p.BluRay") && f.regex.is_match("xy"));
        assert!(!f.regex.is_match("Movie.BluRay.CC") && !f.regex.is_match("x"));
        let negative = filter(r"(?i)(?<!un)\bRemastered\b");
        assert!(!negative.exact);
        let middle = filter(r"a(?=b)b");
        assert!(!middle.exact);
    }

    #[test]
    fn repeats_atomic_groups_and_anchors_keep_their_meaning() {
        let f = filter(r"^(?>ab|a){2,3}?(?=x)c+$");
        assert!(!f.exact);
        assert!(f.regex.is_match("ababcc"));
        assert!(!f.regex.is_match("abc"), "two repeats needed");
        assert!(!f.regex.is_match("zababc"), "anchored");
    }

    #[test]
    fn what_cannot_be_filtered_is_not() {
        assert!(prefilter(r"(a)\1").is_none(), "back-reference");
        assert!(prefilter(r"(?<!x)").is_none(), "passes everything");
        assert!(prefilter(r"(?!a)*b?").is_none(), "passes everything");
    }
}
