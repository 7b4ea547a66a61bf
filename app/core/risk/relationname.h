#pragma once

#include <QString>

namespace retort::risk {

// PostgreSQL's quote_identifier(): bare when the name is lower-case letters,
// digits and '_' (not starting with a digit) and not a keyword other than an
// unreserved one; otherwise in double quotes with '"' doubled.
QString pgQuoteIdentifier(const QString &name);

// A relation as `oid::regclass::text` prints it with the default
// search_path ("$user", public): the schema is left out for public (and for
// an unqualified name), each part quoted as quote_identifier() does.
QString regclassText(const QString &schema, const QString &name);

} // namespace retort::risk
