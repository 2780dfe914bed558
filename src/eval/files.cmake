list(APPEND EMBARGO_SOURCES src/eval/variant_deck.cc src/eval/evaluate.cc src/eval/customer_deck.cc
  src/eval/variant_class.cc src/eval/un_links.cc src/eval/independent_deck.cc src/eval/baseline.cc
  src/eval/independent_eval.cc src/eval/validation_html.cc)
