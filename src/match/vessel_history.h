// What an analyst needs to see when a ship is matched: the names and flags
// the list gives it, and where the query's differ — a ship renamed or
// reflagged since it was listed is the usual evasion (DPRK tankers, DOMAIN.md
// §6), and an IMO match then shows why the names or flags disagree. Pure
// function of its inputs; thread-safe.
#pragma once

#include <optional>

#include "embargo/screener.h"

namespace embargo::match {

// For a Vessel: one "vessel" feature (value 0: it explains, it does not
// score), e.g. "listed as JIN TENG, formerly HUI XIANG; flag sl, formerly kp;
// the query's name 'X' is a former name: renamed since; flag kp is a former
// flag: reflagged since". nullopt for any other schema, or a vessel with no
// former name or flag that the query agrees with.
std::optional<FeatureContribution> VesselHistory(const Query& query, const Entity& vessel,
                                                 const Explanation& explanation);

}  // namespace embargo::match
