// Other readings of a query name that the index is also searched with:
// the name with a run-together word split where the index knows its parts
// (CHONMASAN -> CHON MA SAN, FRIDRICHBUCHENBERG -> FRIDRICH BUCHENBERG),
// the acronym of a firm's or body's name of three words or more (scored
// at QueryName::scale), the name in another transliteration convention
// (text/convention_readings.h: فضل as FAZL, HUSIEV as GUSEV), and the parts
// outside and inside brackets (Korea Mining Development Trading Corporation
// (KOMID)), and, for a query of no known kind whose words a firm's reading
// changes (number words, country names, legal forms: Sergey Ten), its
// reading as a person's name (QueryName::person_only). Pure functions of the
// index and the query; thread-compatible (the workspace is the caller's).
#pragma once

#include <vector>

#include "match/name_matcher.h"

namespace embargo::match {

using scoring::kDerivedAcronymScale;  // scoring/constants.h
using scoring::kInitialsWordSimilarity;
using scoring::kUncorroboratedInitialsCap;

std::vector<QueryName> DeriveQueryNames(const Index& index, const QueryName& query, Schema schema,
                                        Workspace& ws);

// Whether one of the words the query's initials stand for
// (QueryName::initials_of) is also in one of the entity's names, at
// scoring::kInitialsWordSimilarity or more.
bool InitialsCorroborated(const QueryName& initials, const Entity& entity);

}  // namespace embargo::match
