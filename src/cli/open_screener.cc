#include "cli/open_screener.h"

namespace embargo::cli {

Result<std::shared_ptr<const Screener>> OpenScreener(const ListSource& source) {
  if (!source.index.empty()) {
    if (!source.lists.empty()) return MakeError("give either --lists or --index, not both");
    return Screener::LoadSnapshot(source.index);
  }
  if (source.lists.empty())
    return MakeError("no lists: give --lists PATH (file or folder) or --index FILE");
  LoadOptions options;
  options.dataset_override = source.dataset;
  auto lists = LoadLists(source.lists, options);
  if (!lists.ok()) return lists.error();
  return Screener::Build(std::move(*lists));
}

}  // namespace embargo::cli
