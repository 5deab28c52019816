from comite.cli import main

raise SystemExit(main())
