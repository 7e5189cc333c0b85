from generator.unasync.cli import main

raise SystemExit(main())
