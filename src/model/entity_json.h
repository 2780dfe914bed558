// A full-fidelity JSON codec for Entity, for storing list versions (one JSON
// text per entity) from which any past version can be rebuilt exactly:
// EntityFromJson(EntityToJson(e)) equals e field by field.
//
// Shape (keys sorted, as nlohmann::json objects are; strings, lists and
// false flags left out when empty; enums by their readable names):
//   {"id": "...", "schema": "Person", "dataset": "...", "source_id": "...",
//    "names": [{"value": "...", "kind": "primary|alias|weak_alias|previous_name",
//               "parts": [{"type": "given|middle|family|patronymic|title|other",
//                          "value": "..."}]}],
//    "birth_dates": [{"from": "1971-03", "to": "1971-03", "approximate": true}],
//    "birth_places": [...], "nationalities": [...], "countries": [...],
//    "gender": "male|female|other",
//    "identifiers": [{"type": "passport|...", "value": "...", "country": "kp",
//                     "label": "..."}],
//    "addresses": [{"full": "...", "city": "...", "country": "..."}],
//    "programs": [...], "listed_on": "YYYY-MM-DD", "remarks": [...],
//    "links": [{"relation": "...", "target_id": "...", "target_name": "..."}]}
// A partial date is written "YYYY", "YYYY-MM" or "YYYY-MM-DD"; one that text
// cannot carry exactly (a year outside 1000-2999, a day without a month) is
// written {"year": Y, "month": M, "day": D} instead.
//
// Invariants: "id" (non-empty) and "schema" are required; every other key is
// optional, and an absent key decodes as the field's empty/default value.
// Decoding is strict: an unknown key, a value of the wrong JSON type, an
// unknown enum name or a malformed date is an Error naming the field
// ("names[2].kind: unknown name kind \"nick\""), never an exception: nothing
// is silently dropped. Strings are UTF-8, as loaders guarantee; invalid
// UTF-8 is written as U+FFFD rather than throwing (and then does not
// round-trip).
//
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "embargo/entity.h"
#include "embargo/status.h"

namespace embargo {

// Every field of `e`, in the shape above.
nlohmann::json EntityToJson(const Entity& e);

// The entity `j` describes; an Error naming the bad field when `j` is not
// in the shape above.
Result<Entity> EntityFromJson(const nlohmann::json& j);

// EntityJson (include/embargo/entity.h) is EntityToJson(e).dump().

// Parses `text` then decodes it; a JSON syntax error is an Error too.
Result<Entity> EntityFromJsonText(std::string_view text);

}  // namespace embargo
