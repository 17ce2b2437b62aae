//! Type expressions, the annotations of the facts: `str`, `Sequence[TagTypeDef]`,
//! `Literal['ANY']`, `Union[str, bytes]`, `str | None`, `Callable[..., Any]`.
//!
//! Whole `.pyi` files are read by Python's own `ast` (`tools/stub_facts.py`); what reaches
//! this reader is one annotation as `ast.unparse` writes it, a grammar of names, brackets,
//! commas, `|`, quoted strings and `...`. It is read into a tree, never rewritten: the
//! facts' text stays the reference every rendering is compared with.

use std::fmt;

/// One type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A name, possibly dotted: `str`, `TagTypeDef`, `botocore.client.BaseClient`.
    Name(String),
    /// A subscripted generic: `Sequence[str]`, `dict[str, int]`.
    Generic(String, Vec<Expr>),
    /// A quoted string (a literal's value).
    Str(String),
    /// `...`
    Ellipsis,
    /// `[A, B]` (a `Callable`'s parameters).
    List(Vec<Expr>),
    /// `A | B | ...`
    Or(Vec<Expr>),
}

impl Expr {
    /// Reads a type expression; the error says what is wrong and at which byte.
    pub fn parse(text: &str) -> Result<Expr, String> {
        let mut reader = Reader {
            text: text.as_bytes(),
            at: 0,
        };
        let expr = reader.or()?;
        reader.space();
        if reader.at != reader.text.len() {
            return Err(format!("unexpected `{}` at {}", reader.rest(), reader.at));
        }
        Ok(expr)
    }

    /// The members of a union, written either way (`Union[A, B]`, `A | B`); `None` for any
    /// other expression.
    pub fn union_members(&self) -> Option<&[Expr]> {
        match self {
            Expr::Or(members) => Some(members),
            Expr::Generic(name, members) if name == "Union" => Some(members),
            _ => None,
        }
    }

    /// The name, if this is a plain name.
    pub fn name(&self) -> Option<&str> {
        match self {
            Expr::Name(name) => Some(name),
            _ => None,
        }
    }
}

impl fmt::Display for Expr {
    /// The expression as `ast.unparse` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list(f: &mut fmt::Formatter<'_>, items: &[Expr], sep: &str) -> fmt::Result {
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    f.write_str(sep)?;
                }
                write!(f, "{item}")?;
            }
            Ok(())
        }
        match self {
            Expr::Name(name) => f.write_str(name),
            Expr::Generic(name, args) => {
                write!(f, "{name}[")?;
                list(f, args, ", ")?;
                f.write_str("]")
            }
            Expr::Str(value) => write!(f, "'{value}'"),
            Expr::Ellipsis => f.write_str("..."),
            Expr::List(items) => {
                f.write_str("[")?;
                list(f, items, ", ")?;
                f.write_str("]")
            }
            Expr::Or(members) => list(f, members, " | "),
        }
    }
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn rest(&self) -> String {
        String::from_utf8_lossy(&self.text[self.at..]).into_owned()
    }

    fn space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut members = vec![self.term()?];
        while self.eat(b'|') {
            members.push(self.term()?);
        }
        Ok(if members.len() == 1 {
            members.remove(0)
        } else {
            Expr::Or(members)
        })
    }

    /// `a, b, c]` after an opening bracket.
    fn items(&mut self) -> Result<Vec<Expr>, String> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            if self.eat(b']') {
                return Ok(items);
            }
            if !self.eat(b',') {
                return Err(self.expected("`,` or `]`"));
            }
        }
    }

    fn expected(&self, what: &str) -> String {
        if self.at >= self.text.len() {
            format!("expected {what} at the end")
        } else {
            format!("expected {what} at {}, found `{}`", self.at, self.rest())
        }
    }

    fn term(&mut self) -> Result<Expr, String> {
        self.space();
        let start = self.at;
        match self.text.get(self.at) {
            Some(b'[') => {
                self.at += 1;
                Ok(Expr::List(self.items()?))
            }
            Some(&quote @ (b'\'' | b'"')) => {
                let end = self.text[start + 1..]
                    .iter()
                    .position(|&byte| byte == quote || byte == b'\\')
                    .map(|offset| start + 1 + offset)
                    .filter(|&end| self.text[end] == quote)
                    .ok_or_else(|| format!("unterminated or escaped string at {start}"))?;
                self.at = end + 1;
                Ok(Expr::Str(
                    String::from_utf8_lossy(&self.text[start + 1..end]).into_owned(),
                ))
            }
            Some(b'.') if self.text[start..].starts_with(b"...") => {
                self.at += 3;
                Ok(Expr::Ellipsis)
            }
            Some(byte) if byte.is_ascii_alphabetic() || *byte == b'_' => {
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
                {
                    self.at += 1;
                }
                let name = String::from_utf8_lossy(&self.text[start..self.at]).into_owned();
                if self.eat(b'[') {
                    let args = self.items()?;
                    if args.is_empty() {
                        return Err(format!("`{name}[]` has no arguments"));
                    }
                    Ok(Expr::Generic(name, args))
                } else {
                    Ok(Expr::Name(name))
                }
            }
            _ => Err(self.expected("a type")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Expr;

    #[test]
    fn reads_what_ast_unparse_writes() {
        for text in [
            "str",
            "Sequence[TagTypeDef]",
            "dict[str, list[int]]",
            "Literal['ANY']",
            "Union[str, bytes, IO[Any], StreamingBody]",
            "str | None",
            "Callable[[str, int], Any]",
            "Callable[..., Any]",
            "botocore.client.BaseClient",
        ] {
            assert_eq!(Expr::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn bad_text_is_an_error_naming_the_place() {
        assert_eq!(
            Expr::parse("list[str").unwrap_err(),
            "expected `,` or `]` at the end"
        );
        assert_eq!(Expr::parse("str]").unwrap_err(), "unexpected `]` at 3");
        assert_eq!(Expr::parse("").unwrap_err(), "expected a type at the end");
        assert_eq!(
            Expr::parse("list[]").unwrap_err(),
            "`list[]` has no arguments"
        );
        assert!(Expr::parse("Literal['a")
            .unwrap_err()
            .contains("unterminated"));
        assert!(Expr::parse("a | ").is_err());
    }
}
