// Writes the seed corpora of the fuzz harnesses (fuzz/*_fuzzer.cc): small
// slices of the reference lists in ../shared/data (a few records per file,
// a few KB each; the data is never copied into the repository), the
// repository's own small fixtures (tests/data) and the hand-written seeds in
// fuzz/seeds/<harness>/, each framed as its harness reads input
// (fuzz/*_targets.h). Run by the fuzz_corpus target:
//   fuzz_make_corpus SHARED_DATA SOURCE_DIR OUT_DIR
// OUT_DIR/<harness>/ is replaced; a reference file it cannot read fails it.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/file.h"
#include "common/zip_archive.h"
#include "embargo/lists.h"
#include "embargo/screener.h"
#include "fuzz/batch_targets.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/lists_targets.h"
#include "fuzz/ofac_targets.h"
#include "fuzz/slices.h"
#include "fuzz/snapshot_targets.h"
#include "fuzz/xlsx_parts.h"

namespace embargo::fuzz {
namespace {

namespace fs = std::filesystem;

std::string ReadOrThrow(const fs::path& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) throw std::runtime_error(bytes.error().ToString());
  return std::move(bytes).value();
}

// Where seeds come from and go to.
class Corpus {
 public:
  Corpus(fs::path data, fs::path source, fs::path out)
      : data_(std::move(data)), source_(std::move(source)), out_(std::move(out)) {}

  std::string Data(const std::string& relative) const { return ReadOrThrow(data_ / relative); }
  std::string Source(const std::string& relative) const { return ReadOrThrow(source_ / relative); }
  fs::path SourcePath(const std::string& relative) const { return source_ / relative; }

  // Writes a seed: the selector byte, then `bytes`.
  void Add(const std::string& harness, const std::string& name, unsigned char selector,
           std::string_view bytes) {
    Write(harness, name, std::string(1, static_cast<char>(selector)) + std::string(bytes));
  }
  // Writes a seed as it is (harnesses without a selector byte).
  void Write(const std::string& harness, const std::string& name, const std::string& bytes) {
    fs::path folder = out_ / harness;
    if (std::find(cleared_.begin(), cleared_.end(), harness) == cleared_.end()) {
      fs::remove_all(folder);
      fs::create_directories(folder);
      cleared_.push_back(harness);
    }
    std::ofstream(folder / name, std::ios::binary) << bytes;
    ++count_;
  }
  // Copies fuzz/seeds/<harness>/* as they are.
  void CopyHandWritten(const std::string& harness) {
    fs::path folder = source_ / "fuzz/seeds" / harness;
    if (!fs::is_directory(folder)) return;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
      Write(harness, "seed-" + entry.path().filename().string(), ReadOrThrow(entry.path()));
    }
  }
  size_t count() const { return count_; }

 private:
  fs::path data_, source_, out_;
  std::vector<std::string> cleared_;
  size_t count_ = 0;
};

std::vector<std::string_view> Views(const std::vector<std::string>& parts) {
  return {parts.begin(), parts.end()};
}

void AddListsSeed(Corpus& corpus, ListsTarget target, const std::string& name,
                  std::string_view bytes) {
  corpus.Add("lists", name, static_cast<unsigned char>(target), bytes);
  if (target != ListsTarget::kDfatXlsxParts) {
    corpus.Add("lists", "detect-" + name, static_cast<unsigned char>(ListsTarget::kDetect), bytes);
  }
}

void UnSeeds(Corpus& corpus) {
  std::string un = corpus.Data("un/consolidated-2026-02-27.xml");
  AddListsSeed(corpus, ListsTarget::kUnXml, "un-first.xml", UnSlice(un, 0));
  // From the first DPRK individual: Korean names, the family name in FIRST_NAME.
  size_t dprk = CountBefore(un, "<INDIVIDUAL>", un.find("KPi.")) - 1;
  AddListsSeed(corpus, ListsTarget::kUnXml, "un-dprk.xml", UnSlice(un, dprk));
  for (const char* file : {"mini.xml", "latin1.xml", "no-reference.xml", "truncated.xml"}) {
    AddListsSeed(corpus, ListsTarget::kUnXml, std::string("un-") + file,
                 corpus.Source(std::string("tests/data/un/") + file));
  }
}

void CsvListSeeds(Corpus& corpus) {
  std::string csl = corpus.Data("us/csl-sample.csv");
  AddListsSeed(corpus, ListsTarget::kUsCsl, "csl-head.csv", CsvHead(csl, 9));
  for (const char* file : {"broken-quote.csv", "short-row.csv", "with-id-column.csv"}) {
    AddListsSeed(corpus, ListsTarget::kUsCsl, std::string("csl-") + file,
                 corpus.Source(std::string("tests/data/csl/") + file));
  }
  std::string dpl = corpus.Data("us/bis-dpl.txt");
  AddListsSeed(corpus, ListsTarget::kBisDpl, "dpl-head.txt", CsvHead(dpl, 12, '\t'));
  for (const char* file : {"bad-date.txt", "broken-quote.txt"}) {
    AddListsSeed(corpus, ListsTarget::kBisDpl, std::string("dpl-") + file,
                 corpus.Source(std::string("tests/data/dpl/") + file));
  }
  std::string ofsi = corpus.Data("uk/ofsi-conlist-2018-04-13.csv");
  AddListsSeed(corpus, ListsTarget::kOfsiCsv, "ofsi-head.csv", CsvHead(ofsi, 14));
  // Further in: the DPRK regime's rows.
  std::vector<std::string_view> lines = Lines(ofsi);
  size_t dprk = 2;
  while (dprk < lines.size() && lines[dprk].find("KPi.") == std::string_view::npos) ++dprk;
  AddListsSeed(corpus, ListsTarget::kOfsiCsv, "ofsi-dprk.csv",
               std::string(lines[0]) + std::string(lines[1]) +
                   CsvHead(LinesFrom(lines, std::min(dprk, lines.size() - 1)), 10));
}

void JsonListSeeds(Corpus& corpus) {
  for (const char* file : {"t1.ftm.json", "zala.ftm.json"}) {
    std::string text = corpus.Data(std::string("opensanctions/") + file);
    std::vector<std::string_view> lines = Lines(text);
    for (size_t first = 0, n = 0; first < lines.size() && n < 4; ++n) {
      std::string chunk = LinesFrom(lines, first);
      AddListsSeed(corpus, ListsTarget::kFtmJson,
                   "ftm-" + std::to_string(n) + "-" + std::string(file), chunk);
      first += std::max<size_t>(1, Lines(chunk).size()) * 3;
    }
  }
  for (const char* file :
       {"mini.ftm.json", "bad-property.ftm.json", "broken-line.ftm.json", "latin1.ftm.json"}) {
    AddListsSeed(corpus, ListsTarget::kFtmJson, std::string("ftm-") + file,
                 corpus.Source(std::string("tests/data/ftm/") + file));
  }
  for (const fs::directory_entry& entry :
       fs::directory_iterator(corpus.SourcePath("tests/data/lists"))) {
    std::string name = entry.path().filename().string();
    bool json = entry.path().extension() == ".json";
    AddListsSeed(corpus, json ? ListsTarget::kEmbargoJson : ListsTarget::kEmbargoCsv,
                 "embargo-" + name, ReadOrThrow(entry.path()));
  }
}

void DfatSeeds(Corpus& corpus) {
  std::vector<std::string> full = UnzipXlsxParts(corpus.Data("au/dfat-consolidated-2024-12.xlsx"));
  if (full.empty()) throw std::runtime_error("au/dfat-consolidated-2024-12.xlsx: not a zip");
  for (size_t rows : {4, 9}) {
    std::vector<std::string> parts = SliceXlsxParts(full, rows);
    std::string name = "dfat-" + std::to_string(rows);
    AddListsSeed(corpus, ListsTarget::kDfatXlsx, name + ".xlsx", ZipXlsxParts(Views(parts)));
    AddListsSeed(corpus, ListsTarget::kDfatXlsxParts, name + ".parts", JoinParts(parts));
  }
}

// `text` up to the end of the `count`-th `close` tag after `from`, then `tail`.
std::string FirstRecords(std::string_view text, std::string_view close, size_t count,
                         std::string_view tail) {
  size_t end = 0;
  for (size_t i = 0; i < count; ++i) {
    size_t at = text.find(close, end);
    if (at == std::string_view::npos) break;
    end = at + close.size();
  }
  return std::string(text.substr(0, end)) + std::string(tail);
}

// The value of `attribute` in the first tag of `element`.
std::string AttributeOf(std::string_view element, std::string_view attribute) {
  std::string key = std::string(attribute) + "=\"";
  size_t at = element.substr(0, element.find('>')).find(key);
  if (at == std::string_view::npos) return "";
  at += key.size();
  return std::string(element.substr(at, element.find('"', at) - at));
}

// Every value `key` (`name="`) has in `text`.
std::set<std::string> ValuesOf(std::string_view text, std::string_view name) {
  std::set<std::string> values;
  std::string key = std::string(name) + "=\"";
  for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at)) {
    at += key.size();
    values.insert(std::string(text.substr(at, text.find('"', at) - at)));
  }
  return values;
}

// The elements `open`...`close` of `text` whose `attribute` is in `keep`.
std::string ElementsWith(std::string_view text, std::string_view open, std::string_view close,
                         std::string_view attribute, const std::set<std::string>& keep) {
  std::string out;
  for (size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at)) {
    size_t end = text.find(close, at);
    if (end == std::string_view::npos) break;
    end += close.size();
    std::string_view element = text.substr(at, end - at);
    if (keep.count(AttributeOf(element, attribute))) out += std::string(element) + "\n";
    at = end;
  }
  return out;
}

// An ADVANCED XML file cut down to a few parties (a person with a passport,
// a bank with its identifiers, a subsidiary and its owner) and what they
// refer to, so that every reference resolves.
std::string AdvancedSeed(std::string_view text) {
  const std::set<std::string> profiles = {"9639", "17018", "17022", "17526", "18267"};
  std::string parties =
      ElementsWith(text, "<DistinctParty ", "</DistinctParty>", "FixedRef", profiles);
  return std::string(text.substr(0, text.find("<Locations>"))) + "<Locations>\n" +
         ElementsWith(text, "<Location ID=", "</Location>", "ID", ValuesOf(parties, "LocationID")) +
         "</Locations>\n<IDRegDocuments>\n" +
         ElementsWith(text, "<IDRegDocument ID=", "</IDRegDocument>", "IdentityID",
                      ValuesOf(parties, "<Identity ID")) +
         "</IDRegDocuments>\n<DistinctParties>\n" + parties +
         "</DistinctParties>\n<ProfileRelationships>\n" +
         ElementsWith(text, "<ProfileRelationship ID=", "</ProfileRelationship>", "From-ProfileID",
                      profiles) +
         "</ProfileRelationships>\n<SanctionsEntries>\n" +
         ElementsWith(text, "<SanctionsEntry ID=", "</SanctionsEntry>", "ProfileID", profiles) +
         "</SanctionsEntries>\n</Sanctions>\n";
}

// The allies' XML lists and OFAC's XML formats: the excerpts whole, the
// long files cut after a few records and closed again.
void XmlListSeeds(Corpus& corpus) {
  AddListsSeed(corpus, ListsTarget::kEuFsfXml, "eu-fsf.xml",
               corpus.Data("eu/fsf-excerpt-2026-08-05.xml"));
  std::string eu_csv = corpus.Data("eu/fsf-csv-2018-07-04-first1000lines.csv");
  std::vector<std::string_view> eu_lines = Lines(eu_csv);  // each with its line break
  std::string eu_head;
  for (size_t i = 0; i < eu_lines.size() && i < 12; ++i) eu_head += eu_lines[i];
  AddListsSeed(corpus, ListsTarget::kEuFsfCsv, "eu-fsf.csv", eu_head);
  AddListsSeed(corpus, ListsTarget::kUkFcdoXml, "uk-fcdo.xml",
               corpus.Data("uk/uk-sanctions-list-excerpt-2026-08-14.xml"));
  std::string sema = corpus.Data("ca/sema-2020-04.xml");
  AddListsSeed(corpus, ListsTarget::kCaSemaXml, "ca-sema.xml",
               FirstRecords(sema, "</record>", 8, "\n</data-set>\n"));
  std::string sdn = FirstRecords(corpus.Data("ofac/xml/cons-sdnlist-2018-04-06.xml"), "</sdnEntry>",
                                 6, "\n</sdnList>\n");
  if (size_t at = sdn.find("<Record_Count>639<"); at != std::string::npos)
    sdn.replace(at, 18, "<Record_Count>6<");
  AddListsSeed(corpus, ListsTarget::kOfacSdnXml, "ofac-sdnlist.xml", sdn);
  std::string zip = corpus.Data("ofac/xml/cons-enhanced-2025-01-10.zip");
  auto archive = ZipArchive::Open(zip, "enhanced", "zip", 64ull << 20);
  if (!archive.ok()) throw std::runtime_error(archive.error().ToString());
  auto xml = archive->Read("CONS_ENHANCED.XML");
  if (!xml.ok()) throw std::runtime_error(xml.error().ToString());
  std::string enhanced = FirstRecords(*xml, "</entity>", 5, "\n</entities>\n</sanctionsData>\n");
  size_t from = enhanced.find("<referenceValues>"), to = enhanced.find("</referenceValues>");
  if (from != std::string::npos && to != std::string::npos)
    enhanced.erase(from, to + 18 - from);  // ids of reference values the parser does not read
  AddListsSeed(corpus, ListsTarget::kOfacEnhanced, "ofac-enhanced.xml", enhanced);
  AddListsSeed(corpus, ListsTarget::kOfacAdvanced, "ofac-advanced.xml",
               AdvancedSeed(corpus.Data("ofac/xml/cons-advanced-2020-03-17.xml")));
}

// A bundle of a few records: the first four, the first two with a remarks
// overflow, and the first of a vessel and of a passport holder; the side
// files' rows for them; the main file closed with Ctrl-Z.
std::vector<std::string> OfacBundle(const Corpus& corpus, const std::string& folder,
                                    const OfacBundleNames& names) {
  std::vector<std::string> files;
  for (std::string_view name : names.files)
    files.push_back(corpus.Data(folder + "/" + std::string(name)));
  std::vector<std::string_view> main = Lines(files[0]);
  std::vector<std::string_view> ids;
  for (size_t i = 0; i < 4 && i < main.size(); ++i) ids.push_back(FirstField(main[i]));
  std::vector<std::string_view> comments = Lines(files[3]);
  for (size_t i = 0; i < 2 && i < comments.size(); ++i) ids.push_back(FirstField(comments[i]));
  for (std::string_view word : {"IMO ", "Passport "}) {
    auto it = std::find_if(main.begin(), main.end(),
                           [&](std::string_view line) { return line.find(word) != line.npos; });
    if (it != main.end()) ids.push_back(FirstField(*it));
  }
  std::vector<std::string> parts;
  for (const std::string& file : files) parts.push_back(LinesOf(file, ids));
  parts[0] += "\x1A";
  return parts;
}

// The Remarks column of the first record holding each kind of item.
void RemarksSeeds(Corpus& corpus) {
  auto rows = ReadCsv(corpus.Data("ofac/sdn-2024-05-03.csv"), "sdn.csv");
  if (!rows.ok()) throw std::runtime_error(rows.error().ToString());
  for (std::string_view word : {"DOB ",
                                "POB ",
                                "a.k.a. '",
                                "Passport ",
                                "nationality ",
                                "Linked To: ",
                                "IMO ",
                                "Gender ",
                                "circa ",
                                "SWIFT/BIC ",
                                "Digital Currency Address",
                                "Tax ID No. ",
                                "National ID No. ",
                                "Vessel Registration",
                                "Organization Established Date",
                                "Additional Sanctions",
                                "Registration Number ",
                                "citizen ",
                                "Aircraft ",
                                "Email Address",
                                " to "}) {
    auto it = std::find_if(rows->begin(), rows->end(), [&](const CsvRow& row) {
      return row.fields.size() == 12 && row.fields[11].find(word) != std::string::npos;
    });
    if (it == rows->end()) continue;
    std::string name(word);
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    corpus.Add("ofac", "remarks-" + name, static_cast<unsigned char>(OfacTarget::kRemarks),
               it->fields[11]);
  }
}

void OfacSeeds(Corpus& corpus) {
  RemarksSeeds(corpus);
  corpus.Add("ofac", "sdn-2021-07", static_cast<unsigned char>(OfacTarget::kSdnBundle),
             JoinParts(OfacBundle(corpus, "ofac/sdn-2021-07", kSdnBundle)));
  corpus.Add("ofac", "cons-2019", static_cast<unsigned char>(OfacTarget::kConsolidatedBundle),
             JoinParts(OfacBundle(corpus, "ofac/cons-2019", kConsolidatedBundle)));
  std::string sdn = corpus.Data("ofac/sdn-2024-01-31.csv");
  std::vector<std::string_view> main = Lines(sdn);
  corpus.Add("ofac", "sdn-2024-01-31", static_cast<unsigned char>(OfacTarget::kSdnBundle),
             LinesFrom(main, 1000) + "\x1A");
  for (const fs::directory_entry& entry :
       fs::directory_iterator(corpus.SourcePath("tests/data/ofac"))) {
    std::vector<std::string> parts;
    for (std::string_view name : kSdnBundle.files) {
      fs::path file = entry.path() / (std::string(name) + ".in");
      parts.push_back(fs::exists(file) ? ReadOrThrow(file) : "");
    }
    while (parts.size() > 1 && parts.back().empty()) parts.pop_back();
    corpus.Add("ofac", "tests-" + entry.path().filename().string(),
               static_cast<unsigned char>(OfacTarget::kSdnBundle), JoinParts(parts));
  }
}

void AddBatchSeed(Corpus& corpus, const std::string& name, size_t encoding, std::string_view bytes,
                  size_t date_order = 0) {
  corpus.Add("batch", name, BatchSelector(encoding, date_order, false), bytes);
}

void BatchSeeds(Corpus& corpus) {
  constexpr size_t kAuto = 0, kCp949 = 1, kLatin1 = 3, kUtf16Le = 4, kEucKr = 6;
  AddBatchSeed(corpus, "samples-batch.csv", kAuto, corpus.Source("samples/batch.csv"));
  for (const fs::directory_entry& entry :
       fs::directory_iterator(corpus.SourcePath("tests/data/batch"))) {
    AddBatchSeed(corpus, "tests-" + entry.path().filename().string(), kAuto,
                 ReadOrThrow(entry.path()), 1);
  }
  AddBatchSeed(corpus, "latin1-given.csv", kLatin1, corpus.Source("tests/data/batch/latin1.csv"));
  std::string korean = corpus.Source("tests/data/input/korean-bank-customers.csv");
  AddBatchSeed(corpus, "korean.csv", kAuto, CsvHead(korean, 8), 3);
  AddBatchSeed(corpus, "korean-cp949.csv", kCp949, Encode(CsvHead(korean, 8), "CP949"));
  AddBatchSeed(corpus, "korean-euc-kr.csv", kEucKr, Encode(CsvHead(korean, 5), "EUC-KR"));
  std::string negatives = CsvHead(corpus.Data("negatives/negatives-global-dev.csv"), 12);
  AddBatchSeed(corpus, "negatives.csv", kAuto, negatives, 2);
  std::string semicolons = negatives;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  AddBatchSeed(corpus, "negatives-semicolons.csv", kAuto, semicolons);
  std::string tabs = negatives;
  std::replace(tabs.begin(), tabs.end(), ',', '\t');
  AddBatchSeed(corpus, "negatives-tabs.tsv", kAuto, tabs);
  AddBatchSeed(corpus, "negatives-utf16-bom.csv", kAuto,
               "\xFF\xFE" + Encode(negatives, "UTF-16LE"));
  AddBatchSeed(corpus, "negatives-utf16le.csv", kUtf16Le, Encode(negatives, "UTF-16LE"));
  AddBatchSeed(corpus, "negatives-bom.csv", kAuto, "\xEF\xBB\xBF" + negatives);
  std::string xlsx = corpus.Source("tests/data/input/korean-bank-customers.xlsx");
  AddBatchSeed(corpus, "korean.xlsx", kAuto, xlsx);
  std::vector<std::string> parts = SliceXlsxParts(UnzipXlsxParts(xlsx), 8);
  corpus.Add("batch", "korean.xlsx-parts", BatchSelector(kAuto, 0, true), JoinParts(parts));
}

// One query: name, second name, schema, birth date, country, gender, id, IMO.
std::string NameLines(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "\n" : "") + fields[i];
  return out;
}

void NamesSeeds(Corpus& corpus) {
  constexpr unsigned char kPerson = 0, kOrganization = 1, kVessel = 2, kDayMonthYear = 5;
  auto negatives = ReadCsv(CsvHead(corpus.Data("negatives/negatives-global-dev.csv"), 40), "n");
  if (!negatives.ok()) throw std::runtime_error(negatives.error().ToString());
  for (size_t i = 1; i < negatives->size(); ++i) {
    const std::vector<std::string>& f = (*negatives)[i].fields;  // full, first, middle, last, ...
    if (f.size() < 8) continue;
    corpus.Add("names", "negative-" + std::to_string(i), i % 2 ? kPerson : kDayMonthYear,
               NameLines({f[0], f[3] + ", " + f[1], "Person", f[5], f[7], f[4]}));
  }
  auto table = ReadCsv(corpus.Source("tests/data/names/analyze.tsv"), "analyze.tsv", '\t');
  if (!table.ok()) throw std::runtime_error(table.error().ToString());
  size_t n = 0;
  for (const CsvRow& row : *table) {
    if (row.fields.size() < 2 || row.fields[0].starts_with('#') || ++n > 80) continue;
    unsigned char schema = row.fields[1] == "Person"   ? kPerson
                           : row.fields[1] == "Vessel" ? kVessel
                                                       : kOrganization;
    corpus.Add("names", "analyze-" + std::to_string(n), schema, NameLines({row.fields[0]}));
  }
  auto pairs = ReadCsv(corpus.Source("tests/data/names/similarity.tsv"), "similarity.tsv", '\t');
  if (!pairs.ok()) throw std::runtime_error(pairs.error().ToString());
  n = 0;
  for (const CsvRow& row : *pairs) {
    if (row.fields.size() < 2 || row.fields[0].starts_with('#') || ++n > 40) continue;
    corpus.Add("names", "similarity-" + std::to_string(n), kPerson,
               NameLines({row.fields[0], row.fields[1]}));
  }
}

// A snapshot of the lists in `files` (name -> bytes), as `index build` writes it.
std::string SnapshotOf(const std::vector<std::pair<std::string, std::string>>& files) {
  ScratchDir scratch;
  std::vector<std::string> paths;
  for (const auto& [name, bytes] : files) paths.push_back(scratch.Write(name, bytes).string());
  auto lists = LoadLists(paths);
  if (!lists.ok()) throw std::runtime_error(lists.error().ToString());
  fs::path snapshot = scratch.path() / "index.snapshot";
  Status saved = Screener::Build(std::move(lists).value())->SaveSnapshot(snapshot);
  if (!saved.ok()) throw std::runtime_error(saved.error().ToString());
  return ReadOrThrow(snapshot);
}

void SnapshotSeeds(Corpus& corpus) {
  std::string un = UnSlice(corpus.Data("un/consolidated-2026-02-27.xml"), 0);
  std::string rok = corpus.Source("tests/data/lists/rok-fsc-sample.csv");
  for (const auto& [name, files] :
       std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>{
           {"rok", {{"rok.csv", rok}}}, {"un-rok", {{"un.xml", un}, {"rok.csv", rok}}}}) {
    std::string snapshot = SnapshotOf(files);
    corpus.Add("snapshot", name, static_cast<unsigned char>(SnapshotTarget::kFile), snapshot);
    corpus.Add("snapshot", name + "-fixed",
               static_cast<unsigned char>(SnapshotTarget::kFixedHeader), snapshot);
  }
}

// Every payment sample as it is: ISO 20022 documents and MT files (the
// harness reads the syntax from the first byte).
void PaymentSeeds(Corpus& corpus, const fs::path& data) {
  for (const char* folder : {"payments/iso20022", "payments/mt"}) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& e : fs::directory_iterator(data / folder)) {
      files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      corpus.Write("payments", file.filename().string(), ReadOrThrow(file));
    }
  }
}

}  // namespace
}  // namespace embargo::fuzz

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: fuzz_make_corpus SHARED_DATA SOURCE_DIR OUT_DIR\n";
    return 2;
  }
  try {
    using namespace embargo::fuzz;
    Corpus corpus(argv[1], argv[2], argv[3]);
    UnSeeds(corpus);
    CsvListSeeds(corpus);
    JsonListSeeds(corpus);
    DfatSeeds(corpus);
    XmlListSeeds(corpus);
    OfacSeeds(corpus);
    BatchSeeds(corpus);
    NamesSeeds(corpus);
    SnapshotSeeds(corpus);
    PaymentSeeds(corpus, argv[1]);
    for (const char* harness :
         {"lists", "ofac", "batch", "names", "snapshot", "http", "payments"}) {
      corpus.CopyHandWritten(harness);
    }
    std::cout << corpus.count() << " seeds in " << argv[3] << "\n";
  } catch (const std::exception& e) {
    std::cerr << "fuzz_make_corpus: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
