-- Inclusion proofs by leaf hash are looked up in the ledger grain's own tree (LeafIndex), which holds every leaf
-- hash anyway: the hash index cost a quarter of the database's work per ballot, for a lookup that is rarely made.
drop index if exists ledger_entry_leaf_hash;
