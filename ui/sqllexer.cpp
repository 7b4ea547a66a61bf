#include "sqllexer.h"


#include <QFont>
#include <QPalette>

namespace retort::gui {

namespace {

// PostgreSQL's statement keywords (lower case: the lexer folds case).
const char kKeywords[] =
    "abort add all alter always analyze and any array as asc begin between by cascade case cast check "
    "close cluster collate column comment commit concurrently constraint copy create cross current_date "
    "current_timestamp current_user cycle database deallocate declare default deferrable deferred delete "
    "desc distinct do domain drop each else end enum except exclude execute exists explain extension false "
    "fetch filter first following for foreign from full function generated grant group having identity if "
    "ilike immediate in include index inherits initially inner insert instead intersect into is isnull join "
    "key language last lateral leading left like limit listen local lock materialized match maxvalue "
    "minvalue no not nothing notify notnull null nulls of off offset on only or order outer over overlaps "
    "owned owner partition policy preceding primary procedure publication references referencing refresh "
    "reindex release rename replace restart restrict returning returns revoke right role rollback row rows "
    "rule savepoint schema select sequence session_user set setof show similar some start statement "
    "storage subscription table tablespace temp temporary then ties to trailing transaction trigger true "
    "truncate type unbounded union unique unlogged until update user using vacuum valid values variadic "
    "verbose view volatile when where window with without work";

// Built-in types, coloured apart from keywords.
const char kTypes[] =
    "bigint bigserial bit boolean bool box bytea char character cidr circle date decimal double float "
    "float4 float8 inet int int2 int4 int8 integer interval json jsonb line lseg macaddr money numeric "
    "path point polygon precision real serial smallint smallserial text time timestamp timestamptz "
    "timetz tsquery tsvector uuid varchar varying xml zone";

} // namespace

SqlLexer::SqlLexer(QObject *parent) : QsciLexerSQL(parent)
{
    setFoldComments(true);
    setFoldCompact(false);
    setBackslashEscapes(false);
}

const char *SqlLexer::keywords(int set) const
{
    if (set == 1)
        return kKeywords;
    if (set == 5)  // KeywordSet5
        return kTypes;
    return QsciLexerSQL::keywords(set);
}

void SqlLexer::applyPalette(const QPalette &palette, const QFont &font)
{
    const QColor comment = themedColor(palette, 0x6a737d, 0x8b949e);
    const QColor string = themedColor(palette, 0x0a7a3b, 0x9fd6a4);
    const QColor keyword = themedColor(palette, 0x0b4fa8, 0x79b8ff);
    const QColor type = themedColor(palette, 0x9b2fae, 0xd2a8ff);
    const QColor number = themedColor(palette, 0xb35900, 0xffa657);
    const QColor quoted = themedColor(palette, 0x7d6a1f, 0xd7c48f);
    paintLexerStyles(*this, palette, font, [&](int style, QColor &c, QFont &f) {
        switch (style) {
        case Comment:
        case CommentLine:
        case CommentDoc:
        case CommentLineHash:
        case PlusComment:
            c = comment;
            f.setItalic(true);
            break;
        case Number:
            c = number;
            break;
        case SingleQuotedString:
            c = string;
            break;
        case DoubleQuotedString:
        case QuotedIdentifier:
            c = quoted;
            break;
        case Keyword:
            c = keyword;
            f.setBold(true);
            break;
        case KeywordSet5:
            c = type;
            break;
        default:
            break;
        }
    });
}

} // namespace retort::gui
