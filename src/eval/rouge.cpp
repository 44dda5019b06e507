// placeholder for the ROUGE evaluator
