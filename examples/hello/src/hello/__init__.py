"""A tiny app for pexship's example: `npm run example` builds it into a PEX and runs it."""
