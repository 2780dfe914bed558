// Decks of labelled pairs whose two sides someone other than the engine
// wrote (docs/SCORING.md, "How accuracy is measured"), cut at run time from
// the loaded lists:
//   uk>un, au>un   every name of a UK / AU record (primary and aliases, in its
//                  own spelling and order) must find the UN designation it
//                  implements (eval/un_links.h), screened against the UN list;
//   un>uk, un>au   every UN name must find the UK / AU record;
//   ofac>un, un>ofac  the same for OFAC SDN and UN records that share a
//                  passport, IMO, BIC ... (xref/identifier_links.h);
//   alias          a record's first strong a.k.a. must find its own record
//                  once that alias is held out of the index (the screener
//                  for these rows is built from `held_out_lists`), so only
//                  the record's other names, written by the list itself, can
//                  find it.
// Each row is screened only against its expected record's dataset, so a
// name can never find the record it was copied from. Weak aliases are not
// queries (they never alert alone). Each row carries the query record's
// first birth date and nationality, for running the deck with evidence.
// Pure function of the lists; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "embargo/lists.h"

namespace embargo::eval {

struct PairRow {
  std::string id;           // "uk>un-000001"
  std::string name;         // the query
  std::string schema;       // of the query's record
  std::string birth_date;   // first birth date of the query's record ("" when none)
  std::string nationality;  // first nationality of the query's record
  std::string expected_id;
  std::string expected_dataset;  // the row is screened against this dataset only
  std::string expected_name;     // the expected record's name closest to the query
  std::string variant_class;     // eval/variant_class.h, (name, expected_name)
  std::string source;            // "uk>un", "un>uk", "au>un", ..., "alias"
  std::string link;              // how the pair is known: un_reference, passport, ...
  std::string query_entity;      // the record the query name comes from
};

struct IndependentDeck {
  std::vector<PairRow> rows;
  // The lists without the held-out aliases: screen "alias" rows against these.
  ListSet held_out_lists;
};

// Every source the deck builder knows, in report order.
const std::vector<std::string>& PairSources();

IndependentDeck MakeIndependentDeck(const ListSet& lists);

}  // namespace embargo::eval
