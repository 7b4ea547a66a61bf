#pragma once

#include "eval/pyvalue.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// A native PostgreSQL ENUM a type needs (CREATE TYPE before CREATE TABLE).
struct EnumTypeDef {
    QString schema;
    QString name;
    QStringList values;
    bool createType = true;  // postgresql.ENUM(create_type=False): the type exists already
};

// A SQLAlchemy 1.4 type as the PostgreSQL type compiler prints it, with
// what DDL and literal rendering need to know about it.
struct CompiledType {
    // What a Python value of this column renders as under literal_binds,
    // and which SERIAL an autoincrement primary key becomes.
    enum class Family { Integer, SmallInteger, BigInteger, String, Float, Numeric, Boolean, NumericOther, Other };
    Family family = Family::Other;
    QString sql;
    QVector<EnumTypeDef> enums;    // native enums, the ARRAY's item included
    // A non-native Enum with create_constraint=True: CHECK (col IN (...)).
    bool enumCheck = false;
    QString enumCheckName;
    QStringList enumValues;

    bool isIntegerFamily() const
    {
        return family == Family::Integer || family == Family::SmallInteger || family == Family::BigInteger;
    }
};

// Compiles an evaluated type constructor call ("sa.String" with (50),
// "postgresql.JSONB", ...). Only types and arguments whose output has been
// checked against alembic 1.8.1 are accepted; anything else returns false
// with the reason.
bool compileType(const PyValue &type, CompiledType &out, QString &reason);

} // namespace retort
