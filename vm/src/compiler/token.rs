//! Tokens of Lua 5.3. Mirrors the `RESERVED` enum and `luaX_tokens` table of llex.h/llex.c.

/// A token kind. Single-byte symbols carry their byte; everything longer has its own variant.
/// The order of the reserved words matches PUC's table, which is alphabetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// A one-byte symbol such as `+` or `(`, or any byte the lexer does not otherwise know.
    Char(u8),
    And,
    Break,
    Do,
    Else,
    Elseif,
    End,
    False,
    For,
    Function,
    Goto,
    If,
    In,
    Local,
    Nil,
    Not,
    Or,
    Repeat,
    Return,
    Then,
    True,
    Until,
    While,
    /// `//`
    IDiv,
    /// `..`
    Concat,
    /// `...`
    Dots,
    /// `==`
    Eq,
    /// `>=`
    Ge,
    /// `<=`
    Le,
    /// `~=`
    Ne,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `::`
    DbColon,
    /// End of the source.
    Eos,
    /// A float numeral; its value is in the lexer's semantic slot.
    Float,
    /// An integer numeral.
    Int,
    /// A name.
    Name,
    /// A string literal, short or long.
    String,
}

/// Reserved words in PUC's order, with their tokens.
pub const RESERVED: [(&[u8], Token); 22] = [
    (b"and", Token::And),
    (b"break", Token::Break),
    (b"do", Token::Do),
    (b"else", Token::Else),
    (b"elseif", Token::Elseif),
    (b"end", Token::End),
    (b"false", Token::False),
    (b"for", Token::For),
    (b"function", Token::Function),
    (b"goto", Token::Goto),
    (b"if", Token::If),
    (b"in", Token::In),
    (b"local", Token::Local),
    (b"nil", Token::Nil),
    (b"not", Token::Not),
    (b"or", Token::Or),
    (b"repeat", Token::Repeat),
    (b"return", Token::Return),
    (b"then", Token::Then),
    (b"true", Token::True),
    (b"until", Token::Until),
    (b"while", Token::While),
];

impl Token {
    /// The fixed text of a token, as `luaX_tokens` spells it; `None` for one-byte symbols.
    pub fn text(self) -> Option<&'static str> {
        Some(match self {
            Token::Char(_) => return None,
            Token::And => "and",
            Token::Break => "break",
            Token::Do => "do",
            Token::Else => "else",
            Token::Elseif => "elseif",
            Token::End => "end",
            Token::False => "false",
            Token::For => "for",
            Token::Function => "function",
            Token::Goto => "goto",
            Token::If => "if",
            Token::In => "in",
            Token::Local => "local",
            Token::Nil => "nil",
            Token::Not => "not",
            Token::Or => "or",
            Token::Repeat => "repeat",
            Token::Return => "return",
            Token::Then => "then",
            Token::True => "true",
            Token::Until => "until",
            Token::While => "while",
            Token::IDiv => "//",
            Token::Concat => "..",
            Token::Dots => "...",
            Token::Eq => "==",
            Token::Ge => ">=",
            Token::Le => "<=",
            Token::Ne => "~=",
            Token::Shl => "<<",
            Token::Shr => ">>",
            Token::DbColon => "::",
            Token::Eos => "<eof>",
            Token::Float => "<number>",
            Token::Int => "<integer>",
            Token::Name => "<name>",
            Token::String => "<string>",
        })
    }

    /// The token as an error message names it. Mirrors `luaX_token2str`: symbols and reserved
    /// words are quoted, the classes of names, strings and numerals are not, and an unprintable
    /// byte is shown by its code as `luaO_pushfstring`'s `%c` does.
    pub fn to_message_text(self) -> Vec<u8> {
        match self {
            Token::Char(byte) if (0x20..0x7f).contains(&byte) => vec![b'\'', byte, b'\''],
            Token::Char(byte) => format!("'<\\{byte}>'").into_bytes(),
            Token::Eos | Token::Float | Token::Int | Token::Name | Token::String => {
                self.text().unwrap_or_default().as_bytes().to_vec()
            }
            _ => format!("'{}'", self.text().unwrap_or_default()).into_bytes(),
        }
    }
}
