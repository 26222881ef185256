"""The claim wizard: one `QWizardPage` per file, in the order of `claim_wizard.PAGES`."""
