from cloudspec.emulators.cli import main

raise SystemExit(main())
