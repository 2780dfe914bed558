// Which UN Security Council designation a national list's record implements,
// found WITHOUT comparing names, so pairs cut from these links test the
// matcher on spellings it had no say in:
//   un_reference      the record carries the UN reference (UK OFSI's "UN Ref
//                     KPi.055", an identifier labelled kUnReferenceLabel) and the UN
//                     list has a record of the same kind (person or not) with
//                     that reference number;
//   listing_evidence  the record's list gives no reference (Australia DFAT):
//                     among the UN records of the regime its "Committees"
//                     names (1718 -> KP, 1267 -> QD, ...) and of the same kind
//                     (person or not), score each by listing date equal (+1),
//                     a birth year shared (+1), a document number shared (+2)
//                     and 4 x the Jaccard similarity of word trigrams of the
//                     narrative (remarks: DFAT copies the UN's text); keep the
//                     best when it scores >= 1.5 and leads the next by >= 1.0.
// Pure function of the lists; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "embargo/lists.h"

namespace embargo::eval {

struct UnLink {
  const Entity* national = nullptr;  // the UK / AU / ... record
  const Entity* un = nullptr;        // the UN designation
  std::string how;                   // "un_reference" or "listing_evidence"
};

// Links in the order of `lists.entities`; a national record links at most
// once. Empty when the lists hold no UN dataset.
std::vector<UnLink> LinkToUnDesignations(const ListSet& lists);

}  // namespace embargo::eval
