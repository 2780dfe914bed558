list(APPEND EMBARGO_SOURCES src/eval/variant_deck.cc src/eval/evaluate.cc src/eval/customer_deck.cc)
