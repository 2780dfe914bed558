// Entities as FollowTheMoney JSON, the shape yente returns them in:
// {id, caption, schema, properties: {prop: [strings]}, datasets, referents,
// target, first_seen, last_seen, last_change}. Properties are grouped by
// name (in name order), each value once. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "common/json_writer.h"
#include "embargo/entity.h"

namespace embargo::service {

// Writes the entity's members into `w`'s open object (the caller may add
// its own members, such as a score, before closing it). An entity read from
// FtM data is written as its record was, whole (Entity::ftm); one parsed
// from an official list's own format, from the model.
void WriteFtmMembers(JsonWriter& w, const Entity& entity);

// A kept FtM record's members: its caption (else `caption`), properties as
// written, datasets (and `loaded_as`, the dataset its file was loaded as,
// when not among them), referents, timestamps (null when not given) and
// target (else `target`).
void WriteFtmRecordMembers(JsonWriter& w, const FtmRecord& record, std::string_view caption,
                           bool target, std::string_view loaded_as = {});

// A record (Sanction, Address, Ownership, ...) as a tree; `loaded_as` as
// for WriteFtmRecordMembers.
nlohmann::json RecordToFtm(const FtmRecord& record, std::string_view loaded_as = {});

// The same object as a tree, for answers built rarely (/entities/{id}).
nlohmann::json EntityToFtm(const Entity& entity);

}  // namespace embargo::service
