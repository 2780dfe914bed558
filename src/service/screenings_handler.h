// Screening records over HTTP (service started with --store), for the
// workbench's Screenings page, for auditors and for scripts:
//   GET /screenings?actor=&kind=&since=&q=&before=&limit=   newest first
//   GET /screenings/{id}                                    one record
//   GET /screenings/{id}/certificate                        its certificate (HTML)
// What every /match query and /payments/screen message recorded
// (store/screenings.h): who, when, what, against which list versions, with
// what result. A viewer or analyst sees their own screenings; a reviewer or
// admin sees everyone's (actor= narrows them). Pure functions over a store
// connection; the caller serialises access and flushes the queued records
// first (service/screening_log.h).
#pragma once

#include <string>

#include "service/auth.h"
#include "service/http_types.h"
#include "store/database.h"

namespace embargo::service {

// 200 {"results": [record...], "limit"}: kind name|batch|payment, since a
// UTC ISO prefix ("2026-12-06"), q text the subject contains, before an id
// (paging back). 400 on a bad parameter; 403 when a viewer or analyst asks
// for another's records.
Response HandleScreeningList(store::Database& db, const Params& params, const KeyHolder& caller);

// 200 the record; 404 when there is none, or it is another's and the
// caller is below reviewer.
Response HandleScreening(store::Database& db, const std::string& id, const KeyHolder& caller);

// 200 the record's certificate (store/screening_certificate.h) as HTML in
// `text`; 404 as HandleScreening.
Response HandleScreeningCertificate(store::Database& db, const std::string& id,
                                    const KeyHolder& caller);

}  // namespace embargo::service
