#include "python/token.h"

namespace retort::py {

const char *tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::EndMarker: return "ENDMARKER";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Name: return "NAME";
    case TokenKind::Number: return "NUMBER";
    case TokenKind::String: return "STRING";
    case TokenKind::Comment: return "COMMENT";
    case TokenKind::Error: return "ERROR";
    case TokenKind::Stray: return "STRAY";
    default: break;
    }
    return isKeyword(kind) ? "KEYWORD" : "OP";
}

std::string_view tokenSpelling(TokenKind kind)
{
    using K = TokenKind;
    switch (kind) {
    case K::KwFalse: return "False";
    case K::KwNone: return "None";
    case K::KwTrue: return "True";
    case K::KwAnd: return "and";
    case K::KwAs: return "as";
    case K::KwAssert: return "assert";
    case K::KwAsync: return "async";
    case K::KwAwait: return "await";
    case K::KwBreak: return "break";
    case K::KwClass: return "class";
    case K::KwContinue: return "continue";
    case K::KwDef: return "def";
    case K::KwDel: return "del";
    case K::KwElif: return "elif";
    case K::KwElse: return "else";
    case K::KwExcept: return "except";
    case K::KwFinally: return "finally";
    case K::KwFor: return "for";
    case K::KwFrom: return "from";
    case K::KwGlobal: return "global";
    case K::KwIf: return "if";
    case K::KwImport: return "import";
    case K::KwIn: return "in";
    case K::KwIs: return "is";
    case K::KwLambda: return "lambda";
    case K::KwNonlocal: return "nonlocal";
    case K::KwNot: return "not";
    case K::KwOr: return "or";
    case K::KwPass: return "pass";
    case K::KwRaise: return "raise";
    case K::KwReturn: return "return";
    case K::KwTry: return "try";
    case K::KwWhile: return "while";
    case K::KwWith: return "with";
    case K::KwYield: return "yield";
    case K::LPar: return "(";
    case K::RPar: return ")";
    case K::LSqb: return "[";
    case K::RSqb: return "]";
    case K::LBrace: return "{";
    case K::RBrace: return "}";
    case K::Colon: return ":";
    case K::Comma: return ",";
    case K::Semi: return ";";
    case K::Dot: return ".";
    case K::Ellipsis: return "...";
    case K::RArrow: return "->";
    case K::ColonEqual: return ":=";
    case K::At: return "@";
    case K::AtEqual: return "@=";
    case K::Plus: return "+";
    case K::Minus: return "-";
    case K::Star: return "*";
    case K::Slash: return "/";
    case K::DoubleSlash: return "//";
    case K::Percent: return "%";
    case K::DoubleStar: return "**";
    case K::VBar: return "|";
    case K::Amper: return "&";
    case K::Circumflex: return "^";
    case K::Tilde: return "~";
    case K::LeftShift: return "<<";
    case K::RightShift: return ">>";
    case K::Less: return "<";
    case K::Greater: return ">";
    case K::Equal: return "=";
    case K::EqEqual: return "==";
    case K::NotEqual: return "!=";
    case K::LessEqual: return "<=";
    case K::GreaterEqual: return ">=";
    case K::PlusEqual: return "+=";
    case K::MinEqual: return "-=";
    case K::StarEqual: return "*=";
    case K::SlashEqual: return "/=";
    case K::DoubleSlashEqual: return "//=";
    case K::PercentEqual: return "%=";
    case K::DoubleStarEqual: return "**=";
    case K::AmperEqual: return "&=";
    case K::VBarEqual: return "|=";
    case K::CircumflexEqual: return "^=";
    case K::LeftShiftEqual: return "<<=";
    case K::RightShiftEqual: return ">>=";
    default: return {};
    }
}

} // namespace retort::py
