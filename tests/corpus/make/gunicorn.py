#!/usr/bin/env python3
"""Build tests/corpus/gunicorn.json: h1wire corpus cases made from the request
fixtures of gunicorn's test suite (benoitc/gunicorn, tests/requests/valid/
and tests/requests/invalid/: NNN.http is a raw request, NNN.py what gunicorn
expects).

Only the test messages (the bytes of the .http files) are taken; each
expectation below was decided from the strict profile (CONFORMANCE.md
section 3) and RFC 9112 / RFC 9110, not from gunicorn's answer and not from
h1wire's. gunicorn's answer (from the .py file) is recorded in the note where
it differs.

How a .http file becomes bytes (gunicorn tests/treq.py, with the escapes of
its twin tests/treq_asgi.py that newer fixtures rely on):
  - every real newline of the file is dropped;
  - the four characters  \\r\\n  become CR LF;
  - \\0 becomes NUL, \\n becomes LF, \\t becomes HTAB, \\xNN becomes byte NN
    (only when at least one more byte follows, as gunicorn's
    decode_hex_escapes does); no other backslash may remain;
  - valid/ files are read as bytes (UTF-8 text stays UTF-8 bytes);
    invalid/ files are read as text and encoded as Latin-1 (treq.py's
    badrequest), so a non-ASCII character is one byte there.

Input strings: one code point per byte (latin-1), json.dump(ensure_ascii=True).
"""

import json
import os

from common import b2s as s

NAME = "gunicorn"
REPO = "benoitc/gunicorn"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

# Two random strings that gunicorn's long-line fixtures are built from,
# transcribed from tests/requests/invalid/006.http (X, the target after "/q=")
# and tests/requests/valid/026.http at 7c58509 (B, the Someheader value).
# Every fixture rebuilt from them is checked against the stored file size.
X = (
    '08aP8931Ltyl9nqyJvjMaRCOgDV3uONtAdHABjoZUG6KAP6h3Vh97O3GJjjovXYgNdrhxc7TriXo'
    'AmeehZMJx88EyhcPXO0f09Nvd128SZnxZ2r5jFDELkn26reKRysODSLBZLfjU3vxLzLXKWeFOFJK'
    'cZYRH9V7hC98DDS4ZsS7weUksBuK6m86aLNHHHB0Xbyxv1TiDbOWYIzKxV0eZKyk0CaDLDiR0CRu'
    'MOf4rwBeuHoMrumzafrFI5iL72ANQZmOvKdk1qQeXkRqEG11YU0kF7f1hSlmgiIgg5maWiBsA9sA'
    'g36IIXZMWwJF63zpMgAyjTT8l4pQhSBfhY2xbGAWmLGpyd1rlBm0O5LCoKpnQuTACm2azi0x6a1Q'
    'bry9flQBO4jHge2dXiD1si6Gh5q8fZu8ZQ7LLWii2u4rGB7E4XlhnClrCHg5vJmjYf2AItYPA0og'
    'siIdEEQGpzMJPqrp8Icn5kAAimWF1aCYaDjcdSgWI48PnoxlzIHX50EPFcPOSLecjkstD9z66H55'
    '4sUXfWn3Mk9lnOUlse6nx0u1YClFK4UFXp98ru9eBBr7pkAsfZ34yPskayGyXPPyzWyBfVd28Uuv'
    'dEG47SMdyqEpX0rFdk67fAYij0PWMK79mDmGAS37O821o18XUbu0GQjsqAGVMN9LDIAliD9Qqtlw'
    'dEnplKkUyyZ7GAFJCFffgzppU9CjA2FbPX6ZjTOi4sPoYEyhyeQKVqAe9keYeDpU2qDwq83XEDQU'
    'KvP0w48GyavSmdBcrMXjUsu0PfdYpSaKwarrUB3i93HgoQB3ZJIR4lW6iPRTmm28OEKq2MIJGAoT'
    'XxCZYM5UacRldlqQOj6JkYz6y7ppWOjJ9yiCUEenuvfcItgmw9HIgGA59JxO8NDLEZLSONfuIgiV'
    '7wjsJnxuTOlU4vkjV7fTuOeU91xez7UKhaTqqEW3XBUSLjhKi3IkZg7ukrGZTWPhijFv2EZwEWDA'
    'yLlHvZB4X738zGJUlEX1k52EHwrKVKdLfePcaOjAGKsongHBFYxYC8vBBLuKm9RWexKCT14M25pC'
    'GloJXZ4OpBRfDQA2kobLUcEXEpzqRBPGN2JdNSBOFlUtUxWKnnPBM6r9S356l3k1o9zTIPeoIitW'
    'RjASs4A0iwYc8p5vv5Kt8KtsmW7Xv8dlU8HbZHsy3LI7O9BpUH8cJubqdEhooKABkx71pdcsZGhZ'
    'b6epyTiPyvOhdJ7tNtFy3KQOameqTgGyd53Z42eZ0AjaOEvnzermi2E0xo3MMHFhB74TFtNAI3pp'
    'xxyqknc1mzUqZ49Wi8YPBg9ids6IgZvddBQYvwEozkmyGAkatQtt9TD4LjU3TyyUlhNG21q7CzEE'
    'l8NNsVrV6QyHsfw7E5w7XcoT7OQkBYoZwHIAjfekehnpc2llRtRY5m43fPVasmsVazOR36DRSLZJ'
    'PHAqUDO0LInu9mgP57Mnz9CgylEmdE2aaYs426rnTFR3G3CfjLofHfjaLOkAegr4W3jx6MNMMOMZ'
    'w2u46YTCnlfbBK6ZA1UYeAH1DIQJykcSQESinC8HpYIJt9A8g7UT0awzRP1F9nHa3wDnaAHndQYK'
    'MrjzlWo8ejQ0XHWgHhqnWHgW4h9sOnJckH00CYK1fHUKASJ3D8kOKax6uplexfz6BCvAoL9zm5Tj'
    'eB1yxrpLp9NjjTWSKG2HOZhPkGpdEqU4mjnN2AkUVACPGos5YLBmTnSrdOEGZJDlAvJOUt800Mu3'
    'BYc1MiDIB6LMSSV5RsIUDFOzNletGQoq4G3yHZmx78uEse5vUTPFF3KT8LCrssqdIU9H97Npgf6N'
    '5j8arQ7ykLzN459jJaUzpGIo6uowPnUSatDf9GAvAmWNvsVTz6bYiAV71C7QF0C7UolYIQY6DHJE'
    'HejgX2YMEovWNLPL50eeC51h4DdPNv5G4ZdNtQTRVybYBZMpetGDiFmXN0JKa1sKHOSZxdrhKjxD'
    'IhrYVyCcRUMQ0sjGGHFuOcRszr6E5igEMtsebHQ3KYiGd5B27LikpUHhk61rgZlulHdMoS6YgQs6'
    'SV6UMVNku6sCw529xhUciDwRMhsbAjDlahYbrGa3NryxyV5LrXONGGKCchCqv7vDMdAtPrVr8M2v'
    'L5MySQAC3g90iugGQcLH3hCf9f1Kn5X0hM4KZTfwOPJhlfJsMRNhssiDoXaycUvOUS58266yPDli'
    'tPIAzO03XClm4EDPXGIwcwiFr7FcDo3tQIMZVy87i48Zb80s3zAYRiBIS0vO3RKGx3OGN5zid2B7'
    'MfnfLzvpvgZoirHhAqXffnym5abpZNzGuo5GowTRA2Ptk4Ve2JFoHACWpD6HiGnRZ9QVOmPICoQr'
    'SUQw45Jlk9onKJz5Erhnx0943Uno6tMJ5jbrWBNiIO7i04xzRBgujeiAJvuQkVDX2QLKRxZ7s6rh'
    'dfOaq6R6uL108gEzzlXOLqTTJXgM63rcUWNbE7wsIXcCFSF59LLJ7G5Qea33suxdDX6DcK4a0VMZ'
    'oxmWPtCi1dAT9ggJqc2Sh7mkAqizaB16RXZvSydchpdVj6s4qn4ivr0HKHdAstX0XZ0FFU6lOiNm'
    'U3vasMg2uaVG8tyuG8N8VsuXIOQs7xtFxDhilYb8MQ9vES9pWfWPSXFlJAq4XKPY8a0JOIx57EQu'
    'WHo3uWgRTIRThvZP9YYzSnjGIHwjS8JeppICHofADXZhJ0uDQaQs7MiXEALpGmT3W6w0G3tBdZcu'
    'TDkWx1HsT5jd9jQeJpgD2VxdKh8U4Q3vANTAuwBXLJ2P0stS8Q72JWgNPwKYTY9cPoaGZlUFGgVs'
    'q8CdEFH9yW0c27G5s5sfHsyep6t4VxIHHMOX2GmMRyGxDI33am1J7ZmJ1NyXiwkHxtPH5QBpU2PM'
    'u2Guf3xIxlk3snMkMAsGO0vYfqO9tdIgdxMYO3HZTYv99OXaHcNQ5u0pRZZyVrNOIPurkEOdJy0n'
    'owPemIgUuHWh8vQCuDZav1m35AOl6ftSFuChSm5KstEWnC7q8mJ0juJEBkCRmQphP3V1pqiDjz6Y'
    'A90qEe7MA3nzT0nHG8A1hWlqcPVPNz4qWNF6Fq1ub4075aXO0H7Krb6rhWGb3ZRPjpb4BKN8jGFQ'
    'rBUMZprtjAJ67BnfmYgE0mmGLV2QP10gYS1T06kBRyrtp7he6wsPiBPJ7wxPLHNUN2SGQHBTSKag'
    'ndM99fuaga5Sw9OT8Fzdo7xUJXfhJ97gUnNDrknal0B00NMNvajZeQQTJyBsVSwBZtZ45ZCcq1id'
    'c7GWC0MITSk58cIVkSPXbrERUaygyY13dPeEVzjVi9aVJwUF6eJu1s8u3FCJqp2GoWIItwvZO69a'
    'sX75fekFkmFpNavxM0X0dZC01TTPpV6E6PJoIfW8C06CKNHV7Gk2mkTWGSwUG4xD2L3G3XarodHD'
    'cmumFJX9Xviv0rvm38SCtin6OpjH8MHYDrj1OxTJbC2VclJxv73z2BDBquosKOik0fmgbPZN0FUT'
    'mjBEwHTvqd5QHTwb3nOpEz3X6YCF0lrcrQc0uhyr7gBGBs86nUBWFRp1LKjIRVTVXDipajqNDTQG'
    'NZtzvR9MUf1yJJV07inbrlPOENd7rHpKCrJtoZXOkDqInaIqoMCG3DVd353BGmZNJEKOa3DnL7fb'
    '9zwuHlvHAfCco7ZS4wAV87trWkp6skXux9v5WhkumbUyGq4ia6DM1PuqqnFfBTAWDzJsnggAJrzr'
    '8O7JbDtaXwcW9sqaOb0S6NvnUDZqiNdDQPMDOKvXRJJJQdf1FSrPCCSPEEWO1SeVwictj7rTbpWG'
    'RoukwhgJALys95pGGOQxCPzRGrtVFnGcsLN1CwI3wLbmDnNKUv3KpOLEOPRxQXeXuJRIiYCFum44'
    'c0wNr731DvHn3YEJMH4iwFONl1rolEL4w6KFUOCq7ekrE5iyUt1V32PNtuUshXRjOYjBval29JMH'
    '5GoqZlGhCczzHMA61cmuzqdFwiPCB9yzqvJTg8TqMNvwKJztFIQK4mc5Ev5rRVSozD796AVRKT8r'
    'ZF39IA1kmCLdXqz7CCC8x4QjjDpxjKCXP5HkWf9mp2FNBjE3pAeaEc6Vk2ENLlW8WVCe'
)
B = (
    '0X0VfvRJPKiUBYDUS0Vbdm9Rv6pQ1giLdvXeG1SbOwwEjzKceTxd5RKlt9KHVdQkZPqnZ3jLsuj6'
    '7otzLqX0Q1dY1EsBI1InsyGc2Dxdr5o7W5DsBGYV0SDMyta3V9bmBJXJQ6g8R9qPtNrED4eIPvVm'
    'FY7aokhFb4TILl5UnL8qI6qqiyniYDaPVMxDlZaoCNkDbukO34fOUJD6ZN541qmjWEq1rvtAYDI7'
    '7mkzWSx5zOkYd62RFmY7YKrQC5gtIVq8SBLp09Ao53S3895ABRcxjrg99lfbgLQFYwbM4FQ6ab1L'
    'l2uybZyEU8MHPt5Czst0cRsoG819SBphxygWcCNwB93KGLi1K9eiCuAgx6Ove165KObLrvfA1rDI'
    '5hiv83Gql0UohgKtHeRmtqM0McnCO1VWAnFxpi1hxIAlBrR4w35EcaryGEKKcL34QyzD1zlF4mkQ'
    'kr1EAOTgIMKoLipGUgykz7UFN1cCuWyo3CkdZvukBS3IGtEfxFuFCcnp70WTIjZxXxU4owMbWW1E'
    'R5Gsx0ilET0mzekZL0ngCikNP2BRQikRdlVBQ3eiLzDjq27UAm7ufQ9MJla8Yxd6Ea37un9DMltQ'
    'wGmnmeG5pET54STq72qfY4HCerWHbCX1qwHTErMfEfIWcYldDfytUTOj7NcWRga3xW7JYpPZHdlk'
    'b24evup3lI4arY6j5a12ZcX9zVI02IJG0QD9T4zSHEV0pdVFZ8xwOlSWKuZ9VZMmRyOwmfhIPA7f'
    'DV5SP8weRlSnSCSN4YBAfzFVNfPTyeoSfVpXsxIABhXEQTg12YvAAn9390wFhEhMsT9FWIiIs7oH'
    '63tQyjdEAZSJcZ0nSQfapvi4BDsQSMv3W2DofSzxwOPrVQWRMyvP0UV0J660Gc4iZ2Tixe3DSeqg'
    '9VuNvij09aCbkBdwJh9r4UWmM1Hp1ZDF5Rr14nKtFAgjVlGlfZi4bWQKTzOlqaVbWBvxdKsJ27ee'
    'lyDnasIPqo17yY5lg10Lb8nyu60Wn7l7Xb0Ndp334B5am4Vh1foctvkkhNFeIejtnjPYmWjS77rJ'
    '1aL0zJka4Xog5Oparvc93Pddf9CzCxgle00BTKNj0syVo5uqvX5PVzdhAnigU4jdPbJbcPpbpJRU'
    '4UDqIswRNJOlGfpdLnCvnPIRB2a7btjFTaE0tne0TjedGbePje1Li21rPXPX7t5LICWl1SRyqQ9x'
    '9woGEv1sI5VgpRoKtS6oxWgMERjP3LcEez3XqLiSwv0rWMlDiJhxEopz8Mklx8ZygQLiwIYx2pNq'
    '0JhKB8K1lZ8dYE5d3nRWhXwG4gFTUg2JYjnjL81WGRmjXnZEVLwYfYBUkRlqWAYHi1E6wF85Bfcw'
    'vkgnEeBTiQSlfu6xwCYaW2OEogq7tbdinvlpeEPij1qQivpcs573HPHpkXrEeXC9P2gZhmV1Rvn6'
    '9NAN2lOXSVe8XotSyCG5fHFsTDYlOvYW8EBrAdWuZrwU753xwjk3QCp2ODetYze98voig4lfYHrr'
    'WT43VXcHt8J5z7U3kt5O460buwESBhgkALZdrFYyy4YQcmnAeSCw5OoLArDEmzaI4JkFBCDqQxTE'
    '9BTYA112r9ymuOo5MGkTDYZlvtvopG4ekorfLoIa13Z9L6ZilXT1cg55dvNlOrbTSHpQTYRJfJ6x'
    '71IpDFyvdbZbOHQYMm98fcN9CLqFErkpcN4JO26GIhSodGGTSnzyUxBYueawFNlGxCMTa6JseX9c'
    '7Xlo8NRaZHBPvG7Z4gUCkOdUSEW0RRTs3TSSdjEKnJ6u9RdDqqyvN8cJ7gliTd04mSyVnkmxdqVU'
    '8DrdIrkSCfVQNoFgdydDHS3wMLU6QGTGBzK5pd9EfsDEeYXtIb3CkRupM4SERGMTN8TyIxqqIyWm'
    'gjBmSGLTFOB5tsPhkVydVQNf7jBkDy6THfBy0uALVUkm2jLeTFXjajyeL4ms5Lgx0eLoz0XWN6Wu'
    'lXSA20zV3ObSCHbBeVUgKmPxHq5qPmAi04VFIvCOJ0rBQJh9ZHJMwvhI3VEBF6EmXOiRCn0XOhm3'
    'pfHlmaCAWrOSGuQs3NCNlFRjwmVRPY5FJrKYjH3FrLrLdU07zdViAix8C4LxVrRrMB6ligZC3CoD'
    'hFA4vMjiPU5SBRqRW4lwVnvMZEZbf0AYbBc2ymnKAOWbQwt2ldiI2qL0aLoL6YtSFUhpwMOR3LP1'
    'feUq6XRO5xc9V02nEt9MRQsl5MgmKMcXap4HqAN0yATpjAGRnWqEnE7E1XZg95cEl2gO4HXejKzR'
    '0kiTUudcw6P4t1RYLRx7isZNJxiq1JZz6FpEe7QhwGbhPySNMbXJtmYuhAaTpfGdGKMxvHHB9LmE'
    'LOChdyfjHMwMZ2B0xgU2eJgJimCwLH3UEmExgAwJDD4GSCqevYAMK4P9FKPl0dku0KZ7uOJ8oNlo'
    'EsrbvMuhuKFDuO1PNvxtdCcgASzNVzdueOtUm1giZIDqbb6j11nqi9NoFeck1zZi2kfGF7OeUp4v'
    'YszuhQNi4vd03QeVAduM9h9v36Nz1YobRxB2CjTp6qdKdW9IYBp8aExZpipnJIbfD2hTWE44kIu7'
    'Q17f4C9kycGjsLwAWkVbfTRmBMU8SbVKV1EJTrN1gGqGX7quSwg1Vp4qslKAk6EIkoReIl5DuzuH'
    '8Rbvrkp5LFFAhNhb1hvXvVWcibtDjQSradNtuYzGf2AAduhxOTnZjzbsceGYhQA5a5NtqxE2GBlW'
    '8CPoPzIyfMfPjdAIUmAcns7Fkp44nju2htwhryUyidEzDVyTwevquARjt5a7eu8qIKfPrYgbOAlP'
    'gA1JHNi55ivTNpDuQ8drNiafZIntA43HI447WtITYYvLxFRG8OWvJRwI0N7dvHYO8H8lYI1Owatf'
    'vLKlJqjtdJBBvMWXdT4SbxHUdNTDUQmqFGZaLx1AvYPnJTYRzrqn5ZnXyWQ1ZCwtvZK209TxoezJ'
    '2sGorE46C7Zyki6EcXlX2A8upUUh9IhqLYTzidIRrAPE5mZmosyDyShjnRiN5CLXZAI21eV4v3a6'
    'WXI8TKkUk3fhhajOgPXshlyCEfDAyESpz1J8RECu6vQs81E1ZNE5ha5UGw2wk3Ea8oSTfqTiu0Oe'
    'isV2a6bfldvW4x0OL8PS57uuY0v0OZPSUPWmPQgnmJRVw8vmh62bpFekMnUH7y31fXU6MIyZaiBs'
    '1FEu7qF6irBszHt2ARy50SjgGwQZWcecgvB8gB874g3ES9mZer3diYGF3Wssmsm6XRdsNcuNn3yz'
    'uoi52cRrBYUOISegTBVApn4zfuCC9Y4AAfe6wmmiuN8hL6KJeOjrdK5EFQHGyrzeuIMaT3B2nKz1'
    'PNONVQ0udbqCQebz3cq7NPe6kGKFLiE6euWjdoMuAbuu8rTkAa42ensXz4a1Yo450ZVgYypaDtep'
    'DQWFkJyTHDW1HTVZfCok0tp7STRiQ8n3NKxOUSL9veuTsDs1FaV2rbzR3DvkEJrhJ10Rm0pvLgui'
    '5GUDKyWLnrqcNVtOIzFaj9K5pwMfnREm1VIs84ePX0GsMjirfOfubzDoYjavbiCtTB86nKx0tfCK'
    'tl0yUQ5PWSBqdGASY3mr5hZcFZ9bA6uXXGTNqMpUH3gqxCoF6t2yAim93t77jYkiFt3OBlBRVQzR'
    'sPbgEKRXbX3bWQj6NpDzNCQPYTs45HsQB967f4yByzLH8X289YAZJhJJyFTMCLbpdKFuMBX5Msyr'
    '4d15sBa1h5bI13dqU14WBnMKD12LkHMjHiyde6xf5EELf082sUfiAZaROFuDCDnA89p6y6oYEUgF'
    '1L9yQElZO4R6IrkJsEFN9hvARf3CH4ENqbYxtUN9gsB9CLCGKMy2R4wGKU3Dkyea27YCR4QHCdqX'
    '3HqOpy12uxBANvbrfEro9q5NJrGK7WVq3nNabN05x4TmIZk3asc8ehvDyhSgQLY0wwyvrkcYqNiE'
    'TybJ57RjwVg1YE0IZEBfyAUNXE4goc2jtbZbHfcpTzt08pSJQZTAzuxrdQLS4EnaFHPpMdPh1YXU'
    'dclj6g2sjYbhoTYcV97bVDAUztMZ4EarUcv6tgQOvK66RmJCF2zVEpFDBS6AVZJWzrVlnuiweXpH'
    '0L9eY2Wy2EuAHi7gL4o0i0AkOapqY1TPUWUwBaVrKQzkL8QQbczgc97pMvSnGYMlcSdzlamFtUmR'
    'oOPmhBGMpVqmcxnstnqJ0TXMV65zbRN2hk3YVF5HwPjuWJmfkVYnyazuqKuaaohrQIe7YOOSAmD7'
    'C2vDnI50y1oScQqIPb87QAmguFz7jfNBSPymjPJ7UrToaJen7LEQr8S2b69ayZYNIyWbcpaW5ACU'
    'qdyT5AeHYhdENORnWS2B17qnBPtyvb4WujJCafLmsMFhQbcGonDZkHEOAnOcwRwJ4KIPr4MlQLRK'
    'sdnurPDDEmpCtCnFg8vPObOPHoHgICb9j35pG1YNhAAGIGTZ4g3JTJzFvTcW7GDRxREPZffKOuQT'
    'JoMYYaaPwnE0SainEpCFAukJbDy1ss5cZt60nqTw1asLzwMKJu5PHpU9sB9YN7J2cPhIbfb4387z'
    'SmSvqbt3I8NFjDbuYEhe6nZ7gRT5Th0W0MoyzHlmy4MSXbaAfUJNsLQJmdhdVKDsqMz0aXKIVNsX'
    'tn88owrhw0yqxU0K3IfTothafhpQ8daRUnbjzULViWRvUz7dI1N3GgylRzaEXQPgbj0DQ7RujNTc'
    'JoSp7I1ELjFFSBZDm4Jx5eXq0aS2SKJPFX7XmFfkkR99wRiHx4ByVTL5umojRhY5j8vg3l3yfliJ'
    'beOTXckaYiezrucuHaiVFWR2kjk9PUm57bDpvtSFMic652iDufj4hqpy5MH5r2lg67T6Bbb3fcq4'
    '9cVJ3hkN2GfRqVhoPxmHyvotu5koheVh7oHDaLaf4VvcQMd5MF8sicaX3GXfoLjlfFZwfJBpXNbb'
    'VemD7XghpIEwuFjA1USU8yJnTdvCJ2bFmPNWFeWsBVDyl7XUsbgB3K2zz806xODZT639dqiqhGXQ'
    'NbgYtShikQhiHhZF4wf4IY588LE4EO2bdXBb2Wezm8Gl2J5GAfqnx5Z6NF7h1gGkM27hpnmKNylK'
    'ZjqTNANj0CRU4awpdVrYGX7hT0u452Y5bXpVl7cLuK7j2k7VG93NXPsXADhQA8R9WDcpU0PLzFWF'
    'q1omoQ9ZRSlvh8R4pRp4vHIYf4A5uQEmv5Owr4pFQcWdp5GAdkpBaSHvUhvMxOSpsqVB2LHvvs1R'
    'iOUHHhHdZEKpX25mK9moud8pKT4efru1SlRRSsxdz87hTJMUrueydHDPXbo9AvExctdqxuCk03Fy'
    '8cB57qrkQQ50oGNuTNPColMrwVfmuTt81uSZremLbINILnCVXEnvTugRQfFYMnprqMB4mVJfZfh6'
    'XVLdOyW4BPaFrBsZGFy7udoWJwE8ACx4UpJW6m1ltckofzA6AUxzXprXDCCL118m8bBB2hzDKmqe'
    'Lk5ZYKsLROkTqRAxmJjBSZSo2XBroO5rVvkOZrOZRe8NgaHFMLPn0I6hsqwA7VdKlpbqknax84iW'
    'rtBe8ErxgPIQeYhELyK1deW1YWBagD21MBTc2h5LliIlglZg41H8Zl3GvUv0XNZegR5bx1kiM9WF'
    'GV9Yt37iQQGquWAMKCAb6AqpkCtKs7sXKaEAVsbh32tlkAg4ngspjwzYHTPYKUuigPX5K8siUfaA'
    'W9WJl7r8dc4ju97osWETOcBENLsfwB66TvsttORtOedylnErplZP3hjt7o39JllXDobj3l10bSr4'
    'B09eYVWi2DLGavYktKSKj1PrqzuGUaqcFxqoebpuDEAx5vl8ZmSYrmS2RBJ1n2s3lkKdaVWTmfIX'
    'lyMMT7Ac3lCXpGNnpf8ccTffv3E0fBrpCSpVc48dM5e5iTpRPrfWxAjrud9jSrqVBXsw3pqUvhuV'
    'mBpmwoKAfQGxHrauna3f48AFefGDozxXXjpdM9ZDWHsRUBTFNzDs8tUATtegSzZfNJCS9k0p5q2c'
    'ueyU1mtwMJIdf0FrsVGiAyX7PFkWvLHi29fpprZQd0gbMMw2Bt10ZbZCsjPX261cXmVa6ZPnkVQm'
    '2w1ory3uWejuq20oQCyXTYyv1Ki4tbdPxoNn04Je7uS3QHDCsUl4i9zKNhBJ3g55bhIZWfwmLi3S'
    '7oY16gImdC6vvjsMKkCPzXv4pPaVhHH7o4f0mWEz30k4o7GQNOUy8LPM3NmlZF7QaIBdRfozG86j'
    'wQkC3jTNR357pdPjOqMERtIS4WEJBgbaeUCu5MOhsNdaD91iCeghIpOECFyTdEkUCGPPCIAtuAOK'
    'BdhPu40UxHx30dELMTK3azHOuOnLTsdiM4KJ9yF4Ab2eiz5j2T95sDx3aiEJDVDPCa55hO0XTBM9'
    'OSNtdzjdTdZT19XrwD0wPWZcBhfJ66X1uNM2eud1btzglqZP52qqYU7BK2M3BBZKKjy7P6YzmgaP'
    'HWnFGHZdwdz3Yq6e3N76Cjkfl8Sy0mkwd6pt0geDM1jNNZrcT8dUfLLaiUqcZm1KRVdpZaBrboDS'
    'uCxfWYlxqgsldwlGL4C06ceFUDXX8PzxzWEgOd8OU4F22pcNJOnwJGo6rYA3tvhAuq2WKVg6tgFC'
    'b1p7dzF4Ke3J0dv3IneMSNnHG4hkvxW6VzIykDUtYEjMQO35tdnEA0vMVLXIahpJpz4HGs5wwRgo'
    'Zx1e1zD1pXi7KmEVTlfattgcGFlKjZJ60fEdloZEmiXodxT63CzuJHnjHDOL8qcMzTxHb8OCaing'
    'a4w1fk4uILLAWqmTFpDcFGSF5lbOFUwhvtMK6knIWZ8ZApZvTGBt1qv3xKUJqPcWiweI4kk57zgy'
    'TPZku2mg4fJWDKSfiRSi7LvtpKkdqjein9lP7LMv5lKutprVzjmvHBPjunXGqakWx39xYH8RD6qF'
    '3Fw2BnIIesiicZsDv69Ggbu9Y334UeFPNIJ3LGp2I8xcUxlP5dJAh4V05p1HvIZ5Fhk0oCWlvNXd'
    'LqzbVsbfW9jWyQTaZXzw7WT3rqFQc7wvw4ayp5eKmUclqB1yOvrI14XGhmH7QMaAYNTIE2RHjYXV'
    'gvbmFRi0oB1v4nDEeSTn3KHBRQD8TilCagKg0XYPj2eAgWs12ZRYzlGyCvYZ1pol5wAwc9AFFGws'
    'TJ9UYkbxlZv7wKDx7nFzlUSMC1kMvS2ECwvHzSycqHPRwCGipvG6kWz0mGvASXeKjm47iMROoY0M'
    'RK0uvgNdTTOTdxkMgOuCDIlxfit5QKjyzaVAg2kDwENfSd6XPMgSprTSLuNDXdg5NHCwUvDbEHVx'
    'pMgOItZymPZtPweOrnPdlEB4UwLZ8jqtShi5oDYvhkh85FwwT25OHFvDUWTTCV5n73pQ8kLo8zsB'
    '3mbWfGwg62guj3C50Dh42fAZEPBRSHDRTg3r0z39Vyj490lk2UpZeNyylwuEKmuIqEkbE3BRT2YE'
    'jTM8a2PU5grCuzculibcoRUpb1sIQiMRTf4wrtT1CnKcoUJ1T28DC04dTJVRcm3w3WzNLdrnovkX'
    '6NahblTzDvq5eXkoEaZv6HClmGuho4FH6s6i0OdmmW8qkNOnk7BhexiyAd3UYERlFwvZ6LP55tFO'
    'c3vnlhyylx1rTTgu1NFljRNs7rGiT7SnGFaFK7GITEZFEYI7DmOEUZXxDSHjYuOVN0YAJP2cZFga'
    'gyMwGJdrpH8S7cewYPMKz2Go2GBKl1OA6pJ8T91tUdEcGVg9JCMQUA4sBtlIuRTVV3cduIhsLCTi'
    '2ewItkh9MRP1kevVa9WcXejQQKreZmq5EZtzThW71r7E2tcvwFeqiwv3JZnV16bZ7NwZT6uvSrOn'
    'IFUyMsxhh8xCkVY82VLTAZhPXB8t6CbyjZ5stos6WmNZgoEsD8GU8pmzSTubAqQXkTbiODF2pePe'
    '6S9uQ9HngGGBnOjY4QUcAcScDsfflyXVqyxgTelGD4vXoba6qRWCqc9LKpyk4jCKYvLX9tzXusO7'
    'bhT2KRvF4MObDqdE4KnCCIF3zeVD0vImR20MmRTBHRCNm3s6GfyeTYEAlW3L2igZJ7Myj5zGLccM'
    't2EohGc38HfWZ4mlvXRLHKB233PyKALYifqlAxTXaWUk13o6nACQDvN7DxSCA0daJeuznK1Dr52b'
    'C4IXCTahK1An6LkQMfsXb7Qus6ey241Vb4wTgFHqsdCx7qPxeAghmsTOHRVl'
)
assert len(X) == 4096 and len(B) == 8192
# ---------------------------------------------------------------------------
# The .http files, as stored (commit, text, size of the stored text).
# Real newlines are part of the text exactly as in the file; treq drops them.
# ---------------------------------------------------------------------------
FILES = {}


def f(path, commit, total, text):
    assert path not in FILES, path
    assert len(text) == total, (path, len(text), total)
    FILES[path] = (commit, text)


# ----------------------------- valid -------------------------------------
f("valid/001.http", "b7b0979ad9fdb53d0a1287f29e78a8daa987831f", 149, r'''PUT /stuff/here?foo=bar HTTP/1.0\r\n
Server: http://127.0.0.1:5984\r\n
Content-Type: application/json\r\n
Content-Length: 14\r\n
\r\n
{"nom": "nom"}
''')
f("valid/002.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 168, r'''GET /test HTTP/1.1\r\n
User-Agent: curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1\r\n
Host: 0.0.0.0=5000\r\n
Accept: */*\r\n
\r\n''')
f("valid/003.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 394, r'''GET /favicon.ico HTTP/1.1\r\n
Host: 0.0.0.0=5000\r\n
User-Agent: Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9) Gecko/2008061015 Firefox/3.0\r\n
Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n
Accept-Language: en-us,en;q=0.5\r\n
Accept-Encoding: gzip,deflate\r\n
Accept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\n
Keep-Alive: 300\r\n
Connection: keep-alive\r\n
\r\n''')
f("valid/004.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 57, r'''GET /silly HTTP/1.1\r\n
aaaaaaaaaaaaa:++++++++++\r\n
\r\n''')
f("valid/005.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 62, r'''GET /forums/1/topics/2375?page=1#posts-17408 HTTP/1.1\r\n
\r\n''')
f("valid/006.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 51, r'''GET /get_no_headers_no_body/world HTTP/1.1\r\n
\r\n''')
f("valid/007.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 61, r'''GET /get_one_header_no_body HTTP/1.1\r\n
Accept: */*\r\n
\r\n''')
f("valid/008.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 73, r'''GET /unusual_content_length HTTP/1.0\r\n
conTENT-Length: 5\r\n
\r\n
HELLO''')
f("valid/010.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 134, r'''POST /post_chunked_all_your_base HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
1e\r\n
all your base are belong to us\r\n
0\r\n
\r\n''')
f("valid/012.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 166, r'''POST /chunked_w_trailing_headers HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
0\r\n
Vary: *\r\n
Content-Type: text/plain\r\n
\r\n''')
f("valid/013.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 159, r'''POST /chunked_w_extensions HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5; some; parameters=stuff\r\n
hello\r\n
6; blahblah; blah\r\n
 world\r\n
0\r\n
\r\n''')
f("valid/014.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 46, r'''GET /with_"quotes"?foo="bar" HTTP/1.1\r\n
\r\n''')
f("valid/016.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 2234, r'''GET / HTTP/1.1\r\n
X-SSL-Cert:    -----BEGIN CERTIFICATE-----\r\n
    MIIFbTCCBFWgAwIBAgICH4cwDQYJKoZIhvcNAQEFBQAwcDELMAkGA1UEBhMCVUsx\r\n
    ETAPBgNVBAoTCGVTY2llbmNlMRIwEAYDVQQLEwlBdXRob3JpdHkxCzAJBgNVBAMT\r\n
    AkNBMS0wKwYJKoZIhvcNAQkBFh5jYS1vcGVyYXRvckBncmlkLXN1cHBvcnQuYWMu\r\n
    dWswHhcNMDYwNzI3MTQxMzI4WhcNMDcwNzI3MTQxMzI4WjBbMQswCQYDVQQGEwJV\r\n
    SzERMA8GA1UEChMIZVNjaWVuY2UxEzARBgNVBAsTCk1hbmNoZXN0ZXIxCzAJBgNV\r\n
    BAcTmrsogriqMWLAk1DMRcwFQYDVQQDEw5taWNoYWVsIHBhcmQYJKoZIhvcNAQEB\r\n
    BQADggEPADCCAQoCggEBANPEQBgl1IaKdSS1TbhF3hEXSl72G9J+WC/1R64fAcEF\r\n
    W51rEyFYiIeZGx/BVzwXbeBoNUK41OK65sxGuflMo5gLflbwJtHBRIEKAfVVp3YR\r\n
    gW7cMA/s/XKgL1GEC7rQw8lIZT8RApukCGqOVHSi/F1SiFlPDxuDfmdiNzL31+sL\r\n
    0iwHDdNkGjy5pyBSB8Y79dsSJtCW/iaLB0/n8Sj7HgvvZJ7x0fr+RQjYOUUfrePP\r\n
    u2MSpFyf+9BbC/aXgaZuiCvSR+8Snv3xApQY+fULK/xY8h8Ua51iXoQ5jrgu2SqR\r\n
    wgA7BUi3G8LFzMBl8FRCDYGUDy7M6QaHXx1ZWIPWNKsCAwEAAaOCAiQwggIgMAwG\r\n
    1UdEwEB/wQCMAAwEQYJYIZIAYb4QgHTTPAQDAgWgMA4GA1UdDwEB/wQEAwID6DAs\r\n
    BglghkgBhvhCAQ0EHxYdVUsgZS1TY2llbmNlIFVzZXIgQ2VydGlmaWNhdGUwHQYD\r\n
    VR0OBBYEFDTt/sf9PeMaZDHkUIldrDYMNTBZMIGaBgNVHSMEgZIwgY+AFAI4qxGj\r\n
    loCLDdMVKwiljjDastqooXSkcjBwMQswCQYDVQQGEwJVSzERMA8GA1UEChMIZVNj\r\n
    aWVuY2UxEjAQBgNVBAsTCUF1dGhvcml0eTELMAkGA1UEAxMCQ0ExLTArBgkqhkiG\r\n
    9w0BCQEWHmNhLW9wZXJhdG9yQGdyaWQtc3VwcG9ydC5hYy51a4IBADApBgNVHRIE\r\n
    IjAggR5jYS1vcGVyYXRvckBncmlkLXN1cHBvcnQuYWMudWswGQYDVR0gBBIwEDAO\r\n
    BgwrBgEEAdkvAQEBAQYwPQYJYIZIAYb4QgEEBDAWLmh0dHA6Ly9jYS5ncmlkLXN1\r\n
    cHBvcnQuYWMudmT4sopwqlBWsvcHViL2NybC9jYWNybC5jcmwwPQYJYIZIAYb4Qg\r\n
    EDBDAWLmh0dHA6Ly9jYS5ncmlkLXN1cHBvcnQuYWMudWsvcHViL2NybC9jYWNybC\r\n
    5jcmwwPwYDVR0fBDgwNjA0oDKgMIYuaHR0cDovL2NhLmdyaWQt5hYy51ay9wdWIv\r\n
    Y3JsL2NhY3JsLmNybDANBgkqhkiG9w0BAQUFAAOCAQEAS/U4iiooBENGW/Hwmmd3\r\n
    XCy6Zrt08YjKCzGNjorT98g8uGsqYjSxv/hmi0qlnlHs+k/3Iobc3LjS5AMYr5L8\r\n
    UO7OSkgFFlLHQyC9JzPfmLCAugvzEbyv4Olnsr8hbxF1MbKZoQxUZtMVu29wjfXk\r\n
    hTeApBv7eaKCWpSp7MCbvgzm74izKhu3vlDk9w6qVrxePfGgpKPqfHiOoGhFnbTK\r\n
    wTC6o2xq5y0qZ03JonF7OJspEd3I5zKY3E+ov7/ZhW6DqT8UFvsAdjvQbXyhV8Eu\r\n
    Yhixw1aKEPzNjNowuIseVogKOLXxWI5vAi5HgXdS0/ES5gDGsABo4fqovUKlgop3\r\n
    RA==\r\n
    -----END CERTIFICATE-----\r\n
\r\n''')
f("valid/017.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 91, r'''GET /stuff/here?foo=bar HTTP/1.0\r\n
If-Match: bazinga!\r\n
If-Match: large-sound\r\n
\r\n
''')
f("valid/018.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 58, r'''GET /first HTTP/1.1\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/019.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 58, r'''GET /first HTTP/1.0\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/020.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 81, r'''GET /first HTTP/1.0\r\n
Content-Length: 24\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/021.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 80, r'''GET /first HTTP/1.1\r\n
Connection: Close\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/022.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 85, r'''GET /first HTTP/1.0\r\n
Connection: Keep-Alive\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/023.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 155, r'''POST /two_chunks_mult_zero_end HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
000\r\n
\r\n
GET /second HTTP/1.1\r\n
\r\n''')
f("valid/024.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 16408,
  "PUT /q=" + X + X[:4072] + "jE62a HTTP/1.0\\r\\n\nSomeheader: " + B + "\\r\\n\n\\r\\n\n")
f("valid/025.http@56956b6", "56956b6decf385b55e5a13927a9a1da6a2282e9a", 129, r'''GET /test HTTP/1.0\r\n
Host: 0.0.0.0:5000\r\n
User-Agent: ApacheBench/2.3\r\n
Accept: */*\r\n
X-Forwarded-Protocol: ssl\r\n
\r\n
''')
f("valid/025.http@b28f00d", "b28f00d29279dbae1c3d2ace0b31253a07b7035d", 199, r'''PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n
GET /stuff/here?foo=bar HTTP/1.0\r\n
Server: http://127.0.0.1:5984\r\n
Content-Type: application/json\r\n
Content-Length: 14\r\n
\r\n
{"nom": "nom"}
''')
f("valid/025_line.http", "cec988f04ff86dbd802f8bf44410641fb0222eb8", 112, r'''POST /chunked HTTP/1.1\r\n
Transfer-Encoding: gzip,chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
0\r\n
\r\n
''')
f("valid/025compat.http", "3b594a3c5573fd5dc1f472f8a21277e5c074f132", 342, r'''POST /chunked_cont_h_at_first HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5; some; parameters=stuff\r\n
hello\r\n
6; blahblah; blah\r\n
 world\r\n
0\r\n
\r\n
PUT /chunked_cont_h_at_last HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
Content-Length: -1\r\n
\r\n
5; some; parameters=stuff\r\n
hello\r\n
6; blahblah; blah\r\n
 world\r\n
0\r\n
''')
f("valid/026.http@56956b6", "56956b6decf385b55e5a13927a9a1da6a2282e9a", 113, r'''GET /test HTTP/1.0\r\n
Host: 0.0.0.0:5000\r\n
User-Agent: ApacheBench/2.3\r\n
Accept: */*\r\n
HTTPS: on\r\n
\r\n
''')
f("valid/026.http@7c58509", "7c58509892c928acae6ebd378007cbd44756d43f", 8233,
  "GET / HTTP/1.0\\r\\n\nSomeheader: " + B + "\\r\\n\n\\r\\n\n")
f("valid/027.http", "15e901a5e57319b092ad7b0ea0b6f23d8e249fcf", 29, r'''GET /à%20k HTTP/1.0\r\n
\r\n
''')
f("valid/028.http", "db9de0175d47a99e5992c537976dde0b34db1ec1", 68, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length : 3\r\n
\r\n
xyz''')
f("valid/029.http", "db9de0175d47a99e5992c537976dde0b34db1ec1", 129, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
Transfer-Encoding: identity\r\n
\r\n
5\r\n
hello\r\n
000\r\n
''')
f("valid/030.http", "f4cc2f5d2fd6d12c3e3096983313cf0d332dff73", 134, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Transfer-Encoding: identity\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
000\r\n
\r\n
''')
f("valid/031.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 31, r'''-BLARGH /foo HTTP/1.1\r\n
\r\n
''')
f("valid/031compat.http", "b2846783d799bdde24fa209d767bd4ffb54cc1be", 30, r'''-blargh /foo HTTP/1.1\r\n
\r\n''')
f("valid/031compat2.http", "bb24bd2cc8a4d54ff4a5848e6d14828b858b3b82", 31, r'''-blargh /foo HTTP/1.1\r\n
\r\n
''')
f("valid/041.http", "3f45f6f70231b57ad25bccac3becba03b3227496", 127, r'''GET scheme+ext://user+ext:password!@[::1]:8000/path?query#frag HTTP/1.1\r\n
Host: localhost\r\n
CONTENT-LENGTH: 3\r\n
\r\n
odd
''')
f("valid/042.http", "4894dc45c238d2ec8dc3480116c1a2e1f9eca0e7", 50, r'''OPTIONS * HTTP/1.1\r\n
Content-Length: 0\r\n
\r\n
''')
f("valid/100.http", "25357a8098cb827e7b60eb48737e4c5cbb63713b", 41, r'''GET ///keeping_slashes HTTP/1.1\r\n
\r\n
''')
f("valid/invalid_field_value_01_compat.http", "eda9d456d3dfe201617baabe09b7fa37a10ae8cc", 138, r'''GET / HTTP/1.1\r\n
Host: x\r\n
Newline: a\n
Content-Length: 26\r\n
X-Forwarded-By: broken-proxy\r\n\r\n
GET / HTTP/1.1\n
Host: x\r\n
\r\n
''')
f("valid/nonascii_01.http", "88729540e96810ff96ecc2b74098f20c980bfec4", 86, r'''PUT /ß/germans..?ö=ä HTTP/1.1\r\n
Unicode: awesome\r\n
Content-Length: 6\r\n
\r\n
ÄÖÜ
''')
f("valid/nonascii_02.http", "1f19d3f5b2b59daca81042d58b08b89544cae8fe", 85, r'''PUT /ÿ/french..?é=è HTTP/1.1\r\n
Unicode: awesome\r\n
Content-Length: 6\r\n
\r\n
ÀÁÂ
''')
f("valid/obs_fold_whitespace.http", "1dfb8493f82106a6b7c8c74182c3269b05a48aed", 263, r'''POST /1 HTTP/1.1\r\n
Host: example.com\r\n
Connection: keep-alive\r\n
 \r\n
Content-Length: 3\r\n
\r\n
123
POST /2 HTTP/1.1\r\n
Host: example.com\r\n
Connection: close\r\n
 \r\n
Transfer-Encoding: chunked\r\n
\r\n
3\r\n
123\r\n
0\r\n
Trailer-Checksum: 0\r\n
\r\n
''')
f("valid/padding_01.http", "cec988f04ff86dbd802f8bf44410641fb0222eb8", 67, r'''GET / HTTP/1.1\r\n
Host: localhost\r\n
Name: \t value \t \r\n
\r\n
''')
f("valid/pp_02.http", "70534acde8a3155fc1f0c55a54b07a6e7b472309", 361, r'''PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n
GET /stuff/here?foo=bar HTTP/1.1\r\n
Server: http://127.0.0.1:5984\r\n
Content-Type: application/json\r\n
Content-Length: 14\r\n
Connection: keep-alive\r\n
\r\n
{"nom": "nom"}
POST /post_chunked_all_your_base HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
1e\r\n
all your base are belong to us\r\n
0\r\n
\r\n
''')
f("valid/pp_03.http", "3202fd83c75ac93aedc3993b58905226752dc32d", 149, r'''GET /stuff/here?foo=bar HTTP/1.0\r\n
Server: http://127.0.0.1:5984\r\n
Content-Type: application/json\r\n
Content-Length: 14\r\n
\r\n
{"nom": "nom"}
''')
f("valid/pp_04.http", "6faa47f4bd637aae7ef5bde8a6383cb4428ac760", 193, r'''\x0D\x0A\x0D\x0A\x00\x0D\x0A\x51\x55\x49\x54\x0A\x21\x11\x00\x0C\xC0\xA8\x01\x0A\xC0\xA8\x01\x01\x30\x39\x01\xBBGET /proxy/v2/ipv4 HTTP/1.1\r\n
Host: example.com\r\n
Content-Length: 0\r\n
\r\n
''')
f("valid/pp_05.http", "706ab7b10b79c8a01e05973e84a86516b1736419", 342, r'''\x0d\x0a\x0d\x0a\x00\x0d\x0a\x51\x55\x49\x54\x0a\x21!\x00\x24\xff\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00Vx\x00\x01\xff\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00Vx\x00\x02\xa6\x52\x00\x50GET /stuff/here?foo=bar HTTP/1.0\r\n
Server: http://127.0.0.1:5984\r\n
Content-Type: application/json\r\n
Content-Length: 14\r\n
\r\n
{"nom": "nom"}
''')
f("valid/rfc9112_chunked_ext_quoted_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 125, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
5;foo="bar baz"\r\n
hello\r\n
0\r\n
\r\n
''')
f("valid/rfc9112_chunked_size_leading_zeros_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 114, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
0005\r\n
hello\r\n
0\r\n
\r\n
''')
f("valid/rfc9112_chunked_size_uppercase_hex_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 116, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
A\r\n
0123456789\r\n
0\r\n
\r\n
''')
f("valid/rfc9112_smuggle_gzip_chunked_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 117, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: gzip, chunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
\r\n
''')
f("valid/rfc9112_smuggle_te_identity_chunked_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 121, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: identity, chunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
\r\n
''')
f("valid/rfc9112_target_absolute_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 71, r'''GET http://example.com/foo?q=1 HTTP/1.1\r\n
Host: example.com\r\n
\r\n
''')
f("valid/rfc9112_target_absolute_https_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 68, r'''GET https://example.com/foo HTTP/1.1\r\n
Host: example.com\r\n
\r\n
''')
f("valid/rfc9112_target_absolute_ipv6_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 65, r'''GET http://[::1]:8080/foo HTTP/1.1\r\n
Host: [::1]:8080\r\n
\r\n
''')
f("valid/rfc9112_target_absolute_userinfo_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 91, r'''GET http://user:pass@example.com:8080/foo?q=1 HTTP/1.1\r\n
Host: example.com:8080\r\n
\r\n
''')
f("valid/rfc9112_target_asterisk_options_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 50, r'''OPTIONS * HTTP/1.1\r\n
Host: example.com\r\n
\r\n
''')
f("valid/rfc9112_target_authority_connect_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 68, r'''CONNECT example.com:443 HTTP/1.1\r\n
Host: example.com:443\r\n
\r\n
''')
f("valid/rfc9112_target_authority_ipv6_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 56, r'''CONNECT [::1]:443 HTTP/1.1\r\n
Host: [::1]:443\r\n
\r\n
''')


def _f099():
    """valid/099.http (2fa7e8a): a multipart form; its lines are rebuilt from
    the (name, value) list and checked against the stored size."""
    bnd = "-----------------------------320761477111544"
    head = [
        "POST /test-form HTTP/1.1",
        "Host: 0.0.0.0:5000",
        "User-Agent: Mozilla/5.0 (Windows NT 6.2; WOW64; rv:25.0) Gecko/20100101 Firefox/25.0",
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language: en-us,en;q=0.7,el;q=0.3",
        "Accept-Encoding: gzip, deflate",
        "Cookie: csrftoken=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX; sessionid=YYYYYYYYYYYYYYYYYYYYYYYYYYYY",
        "Connection: keep-alive",
        "Content-Type: multipart/form-data; boundary=---------------------------320761477111544",
        "Content-Length: 8599",
        "",
    ]
    dz = "foobar_manager_dynamiczone_domain-"
    rd = "foobar_manager_record_domain-"
    parts = [
        ("csrfmiddlewaretoken", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
        ("_save", "Save"), ("name", "test.example.org"), ("type", "NATIVE"), ("master", ""),
        (dz + "TOTAL_FORMS", "1"), (dz + "INITIAL_FORMS", "1"), (dz + "MAX_NUM_FORMS", "1"),
        (dz + "0-is_dynamic", "on"), (dz + "0-id", "1"), (dz + "0-domain", "2"),
        (dz + "__prefix__-id", ""), (dz + "__prefix__-domain", "2"),
        (rd + "TOTAL_FORMS", "1"), (rd + "INITIAL_FORMS", "1"), (rd + "MAX_NUM_FORMS", "1"),
        (rd + "0-ttl", "3600"), (rd + "0-primary", "ns.example.org"),
        (rd + "0-hostmaster", "hostmaster.test.example.org"), (rd + "0-serial", "2013121701"),
        (rd + "0-refresh", "10800"), (rd + "0-retry", "3600"), (rd + "0-expire", "604800"),
        (rd + "0-default_ttl", "3600"), (rd + "0-id", "16"), (rd + "0-domain", "2"),
        (rd + "__prefix__-ttl", ""), (rd + "__prefix__-primary", ""),
        (rd + "__prefix__-hostmaster", ""), (rd + "__prefix__-serial", "1"),
        (rd + "__prefix__-refresh", "10800"), (rd + "__prefix__-retry", "3600"),
        (rd + "__prefix__-expire", "604800"), (rd + "__prefix__-default_ttl", "3600"),
        (rd + "__prefix__-id", ""), (rd + "__prefix__-domain", "2"),
        (rd + "2-TOTAL_FORMS", "0"), (rd + "2-INITIAL_FORMS", "0"), (rd + "2-MAX_NUM_FORMS", "1000"),
        (rd + "2-__prefix__-id", ""), (rd + "2-__prefix__-domain", "2"), (rd + "2-__prefix__-name", ""),
        (rd + "2-__prefix__-ttl", ""), (rd + "2-__prefix__-content", ""),
        (rd + "3-TOTAL_FORMS", "0"), (rd + "3-INITIAL_FORMS", "0"), (rd + "3-MAX_NUM_FORMS", "1000"),
        (rd + "3-__prefix__-id", ""), (rd + "3-__prefix__-domain", "2"), (rd + "3-__prefix__-name", ""),
        (rd + "3-__prefix__-ttl", ""), (rd + "3-__prefix__-prio", ""), (rd + "3-__prefix__-content", ""),
    ]
    lines = list(head)
    for name, value in parts:
        lines += [bnd, 'Content-Disposition: form-data; name="%s"' % name, "", value]
    for n in range(4, 9):
        for what in ("TOTAL_FORMS", "INITIAL_FORMS"):
            lines += [bnd, 'Content-Disposition: form-data; name="%s%d-%s"' % (rd, n, what), "", "0"]
        lines.append("---------------------")
    return "".join(line + "\\r\\n\n" for line in lines)


f("valid/099.http", "2fa7e8ab13b136e4e93c386db6fa6af9df0ccaac", 9909, _f099())

# ----------------------------- invalid -----------------------------------
f("invalid/002.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 21, r'''GET HTTP/1.1\r\n
\r\n''')
f("invalid/003.http", "bcd3f63fb93600616c445e95256dba9e3b7d1309", 26, r'''GET\n/\nHTTP/1.1\r\n
\r\n
''')
f("invalid/003b.http", "b2846783d799bdde24fa209d767bd4ffb54cc1be", 31, r'''bla:rgh /foo HTTP/1.1\r\n
\r\n
''')
f("invalid/003c.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 27, r'''-bl /foo HTTP/1.1\r\n
\r\n
''')
f("invalid/004.http", "5af1273fc273c07bd8050518b9e6b9f873725102", 25, r'''GET /foo FTP/1.1\r\n
\r\n''')
f("invalid/006.http", "b7b0979ad9fdb53d0a1287f29e78a8daa987831f", 4122,
  "PUT /q=" + X + " HTTP/1.0\\r\\n\n\\r\\n\n")
f("invalid/007.http", "a1c1b5b9e580a1f1bf4aaba69e4a933a6e3d795b", 8358,
  "PUT /stuff/here?foo=bar HTTP/1.0\\r\\n\nServer: http://127.0.0.1:5984\\r\\n\n"
  "Content-Type: application/json\\r\\n\nContent-Length: 14\\r\\n\nSomeheader:\n"
  + B + "\\r\\n\n\\r\\n\n{\"nom\": \"nom\"}\n")
f("invalid/008.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 12418,
  "PUT /stuff/here?foo=bar HTTP/1.0\\r\\n\nServer: http://127.0.0.1:5984\\r\\n\n"
  "Content-Type: application/json\\r\\n\nSomeheader: " + X + X[:4081] + "\\r\\n\n"
  "Someheader: " + X + "\\r\\n\n\\r\\n\n")
f("invalid/009.http", "7a1c58f2361b008b6524c07fe9152035a36ff297", 1829,
  "PUT /stuff/here?foo=bar HTTP/1.0\\r\\n\nServer: http://127.0.0.1:5984\\r\\n\n"
  "Content-Type: application/json\\r\\n\nContent-Length: 14\\r\\n\n"
  + "".join("header%d: %d\\r\\n\n" % (i, i) for i in range(100))
  + "\\r\\n\n{\"nom\": \"nom\"}\n")
f("invalid/010.http", "ecdc3ee6f00c1fe974dbaf6893d02b091fa6d2bb", 44, r'''GET /test HTTP/1.1\r\n
Accept: */*\r\n
\r\n
''')
f("invalid/011.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 169, r'''GET /test HTTP/1.1\r\n
User-Agent: curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1\r\n
Host: 0.0.0.0=5000\r\n
Accept: */*\r\n
\r\n
''')
f("invalid/013.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 49, r'''GET /test HTTP/1.1\r\n
Accept:\r\n
 */*\r\n
\r\n
''')
f("invalid/014.http", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 78, r'''PUT /stuff/here?foo=bar HTTP/1.0\r\n
CONTENT-LENGTH: -1\r\n
\r\n
{"test": "-1}''')
f("invalid/015.http@760ea53", "760ea5320a9f7b9a0357e4c847c7789a263b52ba", 88, r'''POST /stuff/here?foo=bar HTTP/1.0\r\n
CONTENT-LENGTH: bla-bla-bla\r\n
\r\n
{"test": "-1}''')
f("invalid/015.http@c5af5bb", "c5af5bbe8bcb60314b6ac9f748fae7559030af5f", 53, r'''PROXY TCP4 192.168.0.1 192.168.0.11 65iii 100000\r\n
''')
f("invalid/016.http@4b17f65", "4b17f659b7d69c8c9bbaaedcbf1dc6c9c75d953b", 33, r'''PUT s://]ufd/: HTTP/1.1\r\n
\r\n
''')
f("invalid/016.http@72c8be5", "72c8be56fcb7bf7cd04ac524fc78e091542351db", 31, r'''PUT ///]ufd/: HTTP/1.1\r\n
\r\n''')
f("invalid/017.http", "70cfb0d81830ecf5ce6f9a625753be0e3c1e50cc", 8222,
  "GET /test HTTP/1.1\\r\\n\nLong-header: " + ("0123456789" * 818)[:8176] + "\\r\\n\n\\r\\n\n")
f("invalid/018.http", "d671d5b4cf58e006fc16a2affb0fae9a5fe588e1", 48, r'''GET /test HTTP/111\r\n
Host: localhost\r\n
\r\n
''')
f("invalid/019.http", "b07532be752668be5eb5dbd0a8303abf5c219c99", 82, r'''GET /test HTTP/1.1\r\n
X-Forwarded-Proto: https\r\n
X-Forwarded-Ssl: off\r\n
\r\n
''')
f("invalid/020.http", "db9de0175d47a99e5992c537976dde0b34db1ec1", 69, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length : 3\r\n
\r\n
xyz
''')
f("invalid/021.http", "db9de0175d47a99e5992c537976dde0b34db1ec1", 90, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length: 3\r\n
Content-Length: 2\r\n
\r\n
xyz
''')
f("invalid/022.http", "cc2e3835784542e65886cd27f64d444309fbaad0", 51, r'''GET /first HTTP/1.0\r\n
Content-Length: -0\r\n
\r\n''')
f("invalid/023.http", "fd809184c39176446b220893fa307236fc5db99f", 52, r'''GET /first HTTP/1.0\r\n
Content-Length: 0_1\r\n
\r\n''')
f("invalid/024.http", "fa94f705293f2cfb083676324a1fec1dcca095f8", 51, r'''GET /first HTTP/1.0\r\n
Content-Length: +1\r\n
\r\n''')
f("invalid/040.http", "fd809184c39176446b220893fa307236fc5db99f", 139, r'''GET /keep/same/as?invalid/040 HTTP/1.0\r\n
Transfer_Encoding: tricked\r\n
Content-Length: 7\r\n
Content_Length: -1E23\r\n
\r\n
tricked\r\n
''')
f("invalid/041.http", "30c56d8f90363412a9447080f0aa96953955d8ff", 125, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Host: localhost\r\n
Content-Type: application/json\r\n
Content-Type: text/html\r\n
\r\n
''')
f("invalid/042.http", "015a9321c12b32f7244094fccd9cab094e22021c", 89, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Host: localhost\r\n
Host: evil.example.com\r\n
\r\n
''')
f("invalid/chunked_01.http", "fd809184c39176446b220893fa307236fc5db99f", 195, r'''POST /chunked_w_underscore_chunk_size HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6_0\r\n
 world\r\n
0\r\n
\r\n
POST /after HTTP/1.1\r\n
Transfer-Encoding: identity\r\n
\r\n
''')
f("invalid/chunked_02.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 146, r'''POST /chunked_with_prefixed_value HTTP/1.1\r\n
Content-Length: 12\r\n
Transfer-Encoding: \tchunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
\r\n
''')
f("invalid/chunked_03.http", "fd809184c39176446b220893fa307236fc5db99f", 137, r'''POST /double_chunked HTTP/1.1\r\n
Transfer-Encoding: identity, chunked, identity, chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
\r\n
''')
f("invalid/chunked_04.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 202, r'''POST /chunked_twice HTTP/1.1\r\n
Transfer-Encoding: identity\r\n
Transfer-Encoding: chunked\r\n
Transfer-Encoding: identity\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
\r\n
''')
f("invalid/chunked_05.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 157, r'''POST /chunked_HTTP_1.0 HTTP/1.0\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
0\r\n
Vary: *\r\n
Content-Type: text/plain\r\n
\r\n
''')
f("invalid/chunked_06.http", "119343dd1724778f433fe028fbdd9c0050bbaba7", 142, r'''POST /chunked_not_last HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
Transfer-Encoding: identity\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
\r\n
''')
f("invalid/chunked_07.http", "72b8970dbf2bf3444eb2e8b12aeff1a3d5922a9a", 160, r'''POST /chunked_ambiguous_header_mapping HTTP/1.1\r\n
Transfer_Encoding: gzip\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
6\r\n
 world\r\n
0\r\n
\r\n
''')
f("invalid/chunked_09.http", "fd809184c39176446b220893fa307236fc5db99f", 107, r'''POST /chunked_ows_without_ext HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
0 \r\n
\r\n
''')
f("invalid/chunked_10.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 102, r'''POST /chunked_ows_before HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
 0\r\n
\r\n
''')
f("invalid/chunked_11.http", "e710393d142edf56294c4490dbe08e5980160b19", 104, r'''POST /chunked_ows_before HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\n;\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/chunked_12.http", "295c2f2586f3a7cd6697397dd3b5d0625eeafc6c", 120, r'''POST /chunked_no_chunk_size_but_ext HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
 ;foo=bar\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/chunked_13.http", "cec988f04ff86dbd802f8bf44410641fb0222eb8", 103, r'''POST /chunked_no_chunk_size HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/chunked_14.http@6853b3a", "6853b3a6ed09d97aba6047a313490f826c7c62ce", 125, r'''POST /chunked_bare_cr_in_extension HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5;ext=val\x0Due\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/chunked_14.http@e151233", "e1512336bcc83c46dcc14c39a58e93be1d6544b3", 120, r'''POST /chunked_newline_in_chunk_ext HTTP/1.1\r\n
Transfer-Encoding: chunked\r\n
\r\n
5;foo\nbar\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/chunked_whitespace.http", "b3a8684b0e307a142c20027d9df19027b71e4ccd", 125, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: identity, \x0bchunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/invalid_field_value_01.http", "7a7d65840cb91531cf38f967de166b62c0b34c3d", 101, r'''GET / HTTP/1.1\r\n
Host: x\r\n
Newline: a\n
Content-Length: 26\r\n
GET / HTTP/1.1\n
Host: x\r\n
\r\n
''')
f("invalid/limit_header_default_01.http", "3667a1047805023a9c5fc3e56742fc53f464793f", 8216,
  "GET / HTTP/1.0\\r\\nX: " + "y" * 8187 + "\\r\\n\\r\\n")
f("invalid/limit_line_default_01.http", "3667a1047805023a9c5fc3e56742fc53f464793f", 8195,
  "GET /" + "x" * 8177 + " HTTP/1.0\\r\\n")
f("invalid/method_01.http", "fa901c2b6a82cd99ecb5764a32221b857212d210", 60, r'''CONNECT host:25 HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
BOO
''')
f("invalid/method_02.http", "4fc181bea85975fede76b627323c2c6f76f3a6ed", 67, r'''CONNECT domain.example HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
FOO
''')
f("invalid/nonascii_01.http", "fd809184c39176446b220893fa307236fc5db99f", 60, r'''GETß /germans.. HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
ÄÄÄ
''')
f("invalid/nonascii_02.http", "ac29c9b0a758d21f1e0fb3b3457239e523fa9f1d", 59, r'''GETÿ /french.. HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
ÄÄÄ
''')
f("invalid/nonascii_03.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 82, r'''GET /germans.. HTTP/1.1\r\n
Content-Lengthß: 3\r\n
Content-Length: 3\r\n
\r\n
ÄÄÄ
''')
f("invalid/nonascii_04.http", "fd809184c39176446b220893fa307236fc5db99f", 81, r'''GET /french.. HTTP/1.1\r\n
Content-Lengthÿ: 3\r\n
Content-Length: 3\r\n
\r\n
ÄÄÄ
''')
f("invalid/nonascii_05.http", "06f4165dc36b545287a9e11bc5fe37bc37059183", 59, r'''GET /one\0/two HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
WOW
''')
f("invalid/obs_fold_01.http", "7a7d65840cb91531cf38f967de166b62c0b34c3d", 67, r'''GET / HTTP/1.1\r\n
Long: one\r\n
 two\r\n
Host: localhost\r\n
\r\n
''')
f("invalid/pp_01.http", "70534acde8a3155fc1f0c55a54b07a6e7b472309", 37, r'''PROXY TCP4 192.168.0.1 192.16...\r\n
''')
f("invalid/prefix_01.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 34, r'''GET\0PROXY /foo HTTP/1.1\r\n
\r\n
''')
f("invalid/prefix_02.http", "fd809184c39176446b220893fa307236fc5db99f", 29, r'''GET\0 /foo HTTP/1.1\r\n
\r\n
''')
f("invalid/prefix_03.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 68, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length: 0 1\r\n
\r\n
x
''')
f("invalid/prefix_04.http", "fd809184c39176446b220893fa307236fc5db99f", 77, r'''GET /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length: 3 1\r\n
\r\n
xyz
abc123
''')
f("invalid/prefix_05.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 69, r'''GET: /stuff/here?foo=bar HTTP/1.1\r\n
Content-Length: 3\r\n
\r\n
xyz
''')
f("invalid/prefix_06.http", "d4641cba6bd9fe928bddfd50051ffbef864012f5", 151,
  "GET /the/future HTTP/" + "1" * 88 + ".1\\r\\n\nContent-Length: 7\\r\\n\n\\r\\n\nOld Man\n")
f("invalid/rfc9110_field_value_ctl_bel_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 80, r'''GET /foo HTTP/1.1\r\n
Host: example.com\r\n
X-Value: plain\x07injected\r\n
\r\n
''')
f("invalid/rfc9110_field_value_ctl_del_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 80, r'''GET /foo HTTP/1.1\r\n
Host: example.com\r\n
X-Value: plain\x7finjected\r\n
\r\n
''')
f("invalid/rfc9110_trailer_forbidden_cl_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 129, r'''POST /p HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
Content-Length: 99\r\n
\r\n
''')
f("invalid/rfc9110_trailer_forbidden_host_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 133, r'''POST /p HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
Host: evil.example.com\r\n
\r\n
''')
f("invalid/rfc9110_trailer_forbidden_te_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 137, r'''POST /p HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
5\r\n
hello\r\n
0\r\n
Transfer-Encoding: chunked\r\n
\r\n
''')
f("invalid/rfc9112_chunked_missing_final_crlf_01.http", "f4cc2f5d2fd6d12c3e3096983313cf0d332dff73", 95,
  r'''POST /chunked_missing_final_crlf HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n''')
f("invalid/rfc9112_chunked_size_minus_sign_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 112, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
-5\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/rfc9112_chunked_size_plus_sign_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 112, r'''POST /upload HTTP/1.1\r\n
Host: example.com\r\n
Transfer-Encoding: chunked\r\n
\r\n
+5\r\n
hello\r\n
0\r\n
\r\n
''')
f("invalid/rfc9112_smuggle_cl_te_chunked_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 112, r'''POST /p HTTP/1.1\r\n
Host: example.com\r\n
Content-Length: 3\r\n
Transfer-Encoding: chunked\r\n
\r\n
0\r\n
\r\n
''')
f("invalid/rfc9112_target_asterisk_non_options_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 46, r'''GET * HTTP/1.1\r\n
Host: example.com\r\n
\r\n
''')
f("invalid/rfc9112_target_authority_non_connect_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 64, r'''GET example.com:443 HTTP/1.1\r\n
Host: example.com:443\r\n
\r\n
''')
f("invalid/rfc9112_target_relative_01.http", "26a6a45932045114ab15a1763e0712e7c7958bd0", 52, r'''GET foo/bar HTTP/1.1\r\n
Host: example.com\r\n
\r\n
''')
f("invalid/version_01.http", "0b4c93952723d917d50de09d9c8e43e000a35ccd", 28, r'''GET /foo HTTP/0.99\r\n
\r\n
''')
f("invalid/version_02.http", "580b3859af0502dcc7fbdd55e679e68ba2341f35", 27, r'''GET /foo HTTP/2.0\r\n
\r\n
''')
f("invalid/version_03.http", "8bd6c9bd3a3eb8d16cccc90b6fa6f92a8e7a71e5", 27, r'''GET /foo HTTP/0.9\r\n
\r\n
''')


# ---------------------------------------------------------------------------
# treq conversion
# ---------------------------------------------------------------------------
def decode_hex_escapes(data):
    out = bytearray()
    i = 0
    while i < len(data):
        if i + 3 < len(data) and data[i:i + 2] == b"\\x":
            try:
                out.append(int(data[i + 2:i + 4], 16))
                i += 4
                continue
            except ValueError:
                pass
        out.append(data[i])
        i += 1
    return bytes(out)


def _escapes(data):
    data = data.replace(b"\n", b"").replace(b"\\r\\n", b"\r\n")
    data = data.replace(b"\\0", b"\x00").replace(b"\\n", b"\n").replace(b"\\t", b"\t")
    data = decode_hex_escapes(data)
    assert b"\\" not in data, data[:80]
    return data


def load(path):
    commit, text = FILES[path]
    if path.startswith("valid/"):
        return _escapes(text.encode("utf-8"))
    return _escapes(text.encode("latin-1"))


# ---------------------------------------------------------------------------
# case helpers
# ---------------------------------------------------------------------------
cases = []
DIFFERS = []      # (id, one line why) for the README
PEER = {}         # id -> gunicorn's answer, for the README counts


def msg(method, target, version=b"HTTP/1.1", headers=(), framing="none", body=b"", trailers=()):
    return {
        "start": [s(method), s(target), s(version)],
        "headers": [[s(n), s(v)] for n, v in headers],
        "framing": framing,
        "body": s(body),
        "trailers": [[s(n), s(v)] for n, v in trailers],
        "complete": True,
    }


def src(path, pyfile=True, variant=None):
    commit = FILES[path][0]
    name = path.split("@")[0]
    text = "%s tests/requests/%s (commit %s)" % (REPO, name, commit[:12])
    stem = name.rsplit(".", 1)[0] + ".py"
    if pyfile is True:
        text += "; gunicorn's expectation: tests/requests/%s" % stem
    elif pyfile:
        text += "; " + pyfile
    else:
        text += "; no %s is stored in the index" % stem
    if variant:
        text += " (variant: %s)" % variant
    return text


def add(slug, data, expect, messages, note, source, peer=None, differs=None):
    cid = "%s-%s" % (NAME, slug)
    assert all(c["id"] != cid for c in cases), cid
    assert expect in ("ok", "error", "either")
    if expect == "ok":
        assert messages
    cases.append({
        "id": cid,
        "mode": "request",
        "methods": [],
        "input": s(data),
        "expect": expect,
        "messages": messages,
        "note": note,
        "source": source,
    })
    if peer is not None:
        PEER[cid] = peer
    if differs:
        DIFFERS.append((cid, differs))
    return cid


def add_host(data, lines, host=b"example.com"):
    """insert 'Host: host' after each request-line in `lines` (in order)"""
    pos = 0
    for line in lines:
        i = data.index(line + b"\r\n", pos)
        j = i + len(line) + 2
        data = data[:j] + b"Host: " + host + b"\r\n" + data[j:]
        pos = j
    return data


H = (b"Host", b"example.com")
NOHOST = ("an HTTP/1.1 request without a Host field: the profile rejects it (RFC 9112 3.2: "
          "a server MUST answer 400 to an HTTP/1.1 request that lacks Host)")
NOHOST_PEER = "gunicorn does not require Host and accepts the request"
VARIANT_NOTE = ("variant of the gunicorn fixture with a Host field inserted after the request-line, "
                "so the case tests what the fixture was written for and not the missing Host: ")
CFG = "gunicorn's test sets a non-default config (%s); converted with the strict profile's expectation. "
INCOMPLETE = ("the input stops inside a message and the dump then signals end of stream, so the stream "
              "ends in an incomplete message (error). ")
TARGET_80 = ("bytes 0x80-0xFF in the request-target: `either` in the profile (the URI grammar has no such "
             "bytes; RFC 9112 3 lets a server answer 400 or redirect)")
FRAGMENT = ("a '#' fragment in the request-target: RFC 9112 3.2 has no fragment in any request-target "
            "form, so the request-line is invalid and RFC 9112 3 lets the server answer 400 or 301; the "
            "profile's target rule only bans whitespace, control and DEL, and the project's own "
            "strict_profile.json case h1wire-profile-req-target-fragment makes a fragment `either`")
TRAILING_AFTER_CLOSE = ("bytes follow a request that closes the connection: `either` in the profile "
                        "(Connections: stop, or go on decoding)")


def V(p):
    return "valid/" + p


def I(p):
    return "invalid/" + p


NOM = b'{"nom": "nom"}'
SRV = [(b"Server", b"http://127.0.0.1:5984"), (b"Content-Type", b"application/json")]

# ===========================================================================
# valid/
# ===========================================================================
p = V("001.http")
add("valid-001", load(p), "ok",
    [msg(b"PUT", b"/stuff/here?foo=bar", b"HTTP/1.0", SRV + [(b"Content-Length", b"14")], "length", NOM)],
    "HTTP/1.0 PUT with Content-Length 14 and its body; HTTP/1.0 needs no Host (RFC 9112 3.2 applies "
    "to HTTP/1.1); gunicorn accepts, same answer", src(p), "ok")

p = V("002.http")
add("valid-002", load(p), "ok",
    [msg(b"GET", b"/test", headers=[
        (b"User-Agent", b"curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1"),
        (b"Host", b"0.0.0.0=5000"), (b"Accept", b"*/*")])],
    "curl-style GET; the Host value '0.0.0.0=5000' is a valid uri-host: '=' is a sub-delim, "
    "allowed in reg-name (RFC 3986 3.2.2), so the profile's Host rule accepts it; gunicorn accepts, "
    "same answer", src(p), "ok")

p = V("003.http")
add("valid-003", load(p), "ok",
    [msg(b"GET", b"/favicon.ico", headers=[
        (b"Host", b"0.0.0.0=5000"),
        (b"User-Agent", b"Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9) Gecko/2008061015 Firefox/3.0"),
        (b"Accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        (b"Accept-Language", b"en-us,en;q=0.5"), (b"Accept-Encoding", b"gzip,deflate"),
        (b"Accept-Charset", b"ISO-8859-1,utf-8;q=0.7,*;q=0.7"), (b"Keep-Alive", b"300"),
        (b"Connection", b"keep-alive")])],
    "Firefox-style GET with nine field lines, Host '0.0.0.0=5000' (a valid reg-name, RFC 3986 3.2.2); "
    "gunicorn accepts, same answer", src(p), "ok")

p = V("004.http")
d = load(p)
add("valid-004", d, "error", [], NOHOST + "; the fixture tests an odd but valid field "
    "('aaaaaaaaaaaaa:++++++++++', no space after the colon: OWS may be empty, RFC 9112 5)",
    src(p), "ok", NOHOST_PEER)
add("valid-004-host", add_host(d, [b"GET /silly HTTP/1.1"]), "ok",
    [msg(b"GET", b"/silly", headers=[H, (b"aaaaaaaaaaaaa", b"++++++++++")])],
    VARIANT_NOTE + "a field line with no OWS after the colon is valid (RFC 9112 5: OWS may be empty)",
    src(p, variant="Host field added"))

p = V("005.http")
d = load(p)
add("valid-005", d, "error", [], NOHOST + "; the fixture tests a target with a '#' fragment",
    src(p), "ok", NOHOST_PEER)
add("valid-005-host", add_host(d, [b"GET /forums/1/topics/2375?page=1#posts-17408 HTTP/1.1"]), "either",
    [msg(b"GET", b"/forums/1/topics/2375?page=1#posts-17408", headers=[H])],
    VARIANT_NOTE + FRAGMENT + "; gunicorn accepts it and splits off the fragment",
    src(p, variant="Host field added"))

p = V("006.http")
d = load(p)
add("valid-006", d, "error", [], NOHOST + "; the fixture tests a GET with no field and no body",
    src(p), "ok", NOHOST_PEER)
add("valid-006-host", add_host(d, [b"GET /get_no_headers_no_body/world HTTP/1.1"]), "ok",
    [msg(b"GET", b"/get_no_headers_no_body/world", headers=[H])],
    VARIANT_NOTE + "a GET with no body: no Content-Length or Transfer-Encoding, length 0 (RFC 9112 6.3 rule 7)",
    src(p, variant="Host field added"))

p = V("007.http")
d = load(p)
add("valid-007", d, "error", [], NOHOST + "; the fixture tests a GET with one field",
    src(p), "ok", NOHOST_PEER)
add("valid-007-host", add_host(d, [b"GET /get_one_header_no_body HTTP/1.1"]), "ok",
    [msg(b"GET", b"/get_one_header_no_body", headers=[H, (b"Accept", b"*/*")])],
    VARIANT_NOTE + "a GET with one more field and no body", src(p, variant="Host field added"))

p = V("008.http")
add("valid-008", load(p), "ok",
    [msg(b"GET", b"/unusual_content_length", b"HTTP/1.0", [(b"conTENT-Length", b"5")], "length", b"HELLO")],
    "field names are case-insensitive (RFC 9110 5.1): 'conTENT-Length: 5' frames a 5-byte body; the "
    "name keeps its case in the dump; gunicorn accepts, same answer", src(p), "ok")

p = V("010.http")
d = load(p)
add("valid-010", d, "error", [], NOHOST + "; the fixture tests a one-chunk chunked body",
    src(p), "ok", NOHOST_PEER)
add("valid-010-host", add_host(d, [b"POST /post_chunked_all_your_base HTTP/1.1"]), "ok",
    [msg(b"POST", b"/post_chunked_all_your_base", headers=[H, (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"all your base are belong to us")],
    VARIANT_NOTE + "chunk size '1e' (hex, 30 bytes) then the last chunk", src(p, variant="Host field added"))

p = V("012.http")
d = load(p)
add("valid-012", d, "error", [], NOHOST + "; the fixture tests trailer fields after a chunked body",
    src(p), "ok", NOHOST_PEER)
add("valid-012-host", add_host(d, [b"POST /chunked_w_trailing_headers HTTP/1.1"]), "ok",
    [msg(b"POST", b"/chunked_w_trailing_headers", headers=[H, (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"hello world",
         trailers=[(b"Vary", b"*"), (b"Content-Type", b"text/plain")])],
    VARIANT_NOTE + "two trailer fields that neither frame nor route the message (the profile forbids "
    "only Content-Length, Transfer-Encoding and Host in trailers)", src(p, variant="Host field added"))

p = V("013.http")
d = load(p)
add("valid-013", d, "error", [], NOHOST + "; the fixture tests chunk extensions",
    src(p), "ok", NOHOST_PEER)
add("valid-013-host", add_host(d, [b"POST /chunked_w_extensions HTTP/1.1"]), "ok",
    [msg(b"POST", b"/chunked_w_extensions", headers=[H, (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"hello world")],
    VARIANT_NOTE + "chunk extensions '; some; parameters=stuff' and '; blahblah; blah': names with and "
    "without a token value, BWS before each name (RFC 9112 7.1.1 allows BWS around ';' and '=')",
    src(p, variant="Host field added"))

p = V("014.http")
d = load(p)
add("valid-014", d, "error", [], NOHOST + "; the fixture tests double quotes in the target",
    src(p), "ok", NOHOST_PEER)
add("valid-014-host", add_host(d, [b'GET /with_"quotes"?foo="bar" HTTP/1.1']), "ok",
    [msg(b"GET", b'/with_"quotes"?foo="bar"', headers=[H])],
    VARIANT_NOTE + "'\"' is a VCHAR; the profile's target rule bans only whitespace, control and DEL "
    "bytes, so the target is kept as sent (the other corpora of the project read it the same way)",
    src(p, variant="Host field added"))

p = V("016.http")
d = load(p)
add("valid-016", d, "error", [],
    "a field value continued over 31 obs-fold lines (a PEM certificate): obs-fold in a request is an "
    "error in the profile (RFC 9112 5.2 lets a server reject it with 400 or replace each fold; the "
    "profile rejects); the request also lacks Host. gunicorn's stored 016.py expects the folded value "
    "(its newer tests move this input to compat_obs_fold_huge with permit_obsolete_folding); lenient "
    "reading converted with the strict expectation",
    src(p), "ok (folded value)", "obs-fold in a request: the profile rejects (RFC 9112 5.2); gunicorn's 016.py accepts the folded value")
add("valid-016-host", add_host(d, [b"GET / HTTP/1.1"]), "error", [],
    VARIANT_NOTE + "obs-fold in a request is an error in the profile (RFC 9112 5.2)",
    src(p, variant="Host field added"))

p = V("017.http")
add("valid-017", load(p), "ok",
    [msg(b"GET", b"/stuff/here?foo=bar", b"HTTP/1.0", [(b"If-Match", b"bazinga!"), (b"If-Match", b"large-sound")])],
    "the same field name on two lines: both kept, in order (RFC 9110 5.3); gunicorn accepts, same answer",
    src(p), "ok")

p = V("018.http")
d = load(p)
add("valid-018", d, "error", [], NOHOST + "; the fixture tests two pipelined requests",
    src(p), "ok (2 requests)", NOHOST_PEER)
add("valid-018-host", add_host(d, [b"GET /first HTTP/1.1", b"GET /second HTTP/1.1"]), "ok",
    [msg(b"GET", b"/first", headers=[H]), msg(b"GET", b"/second", headers=[H])],
    VARIANT_NOTE + "two pipelined requests on one stream", src(p, variant="Host field added"))

p = V("019.http")
d = load(p)
add("valid-019", d, "either", [msg(b"GET", b"/first", b"HTTP/1.0")],
    "an HTTP/1.0 request without keep-alive, then more bytes: " + TRAILING_AFTER_CLOSE +
    "; going on, the second request (HTTP/1.1, no Host) is rejected (RFC 9112 3.2), so either way "
    "only /first is decoded; gunicorn parses /first and stops (its 019.py lists one request)",
    src(p), "1 request, then stops")
add("valid-019-host", add_host(d, [b"GET /second HTTP/1.1"]), "either",
    [msg(b"GET", b"/first", b"HTTP/1.0"), msg(b"GET", b"/second", headers=[H])],
    VARIANT_NOTE + TRAILING_AFTER_CLOSE + "; a decoder that goes on decodes /second as well",
    src(p, variant="Host field added"))

p = V("020.http")
add("valid-020", load(p), "ok",
    [msg(b"GET", b"/first", b"HTTP/1.0", [(b"Content-Length", b"24")], "length", b"GET /second HTTP/1.1\r\n\r\n")],
    "Content-Length 24 makes the bytes of a second request-line the body of the first (a GET may "
    "carry a body framed by Content-Length, RFC 9112 6.3 rule 6); gunicorn answers the same",
    src(p), "ok")

p = V("021.http")
d = load(p)
add("valid-021", d, "error", [], NOHOST + "; the fixture tests 'Connection: Close' on the first request",
    src(p), "1 request, then stops", NOHOST_PEER)
add("valid-021-host", add_host(d, [b"GET /first HTTP/1.1", b"GET /second HTTP/1.1"]), "either",
    [msg(b"GET", b"/first", headers=[H, (b"Connection", b"Close")]), msg(b"GET", b"/second", headers=[H])],
    VARIANT_NOTE + "'Connection: Close' (the option is case-insensitive): " + TRAILING_AFTER_CLOSE,
    src(p, variant="Host field added"))

p = V("022.http")
d = load(p)
add("valid-022", d, "error", [msg(b"GET", b"/first", b"HTTP/1.0", [(b"Connection", b"Keep-Alive")])],
    "HTTP/1.0 with 'Connection: Keep-Alive' keeps the connection open, so the next request is decoded; "
    "it is HTTP/1.1 without Host, which the profile rejects (RFC 9112 3.2)",
    src(p), "ok (2 requests)", NOHOST_PEER + " (the second request)")
add("valid-022-host", add_host(d, [b"GET /second HTTP/1.1"]), "ok",
    [msg(b"GET", b"/first", b"HTTP/1.0", [(b"Connection", b"Keep-Alive")]), msg(b"GET", b"/second", headers=[H])],
    VARIANT_NOTE + "a persistent HTTP/1.0 connection (keep-alive) followed by a second request",
    src(p, variant="Host field added"))

p = V("023.http")
d = load(p)
add("valid-023", d, "error", [], NOHOST + "; the fixture tests a last chunk written '000' and a request after it",
    src(p), "ok (2 requests)", NOHOST_PEER)
add("valid-023-host", add_host(d, [b"POST /two_chunks_mult_zero_end HTTP/1.1", b"GET /second HTTP/1.1"]), "ok",
    [msg(b"POST", b"/two_chunks_mult_zero_end", headers=[H, (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"hello world"),
     msg(b"GET", b"/second", headers=[H])],
    VARIANT_NOTE + "last-chunk '000' (1*'0', RFC 9112 7.1; leading zeros are fine) ends the body and the "
    "next request follows", src(p, variant="Host field added"))

p = V("024.http")
t024 = b"/q=" + (X + X[:4072] + "jE62a").encode()
add("valid-024", load(p), "ok",
    [msg(b"PUT", t024, b"HTTP/1.0", [(b"Someheader", B.encode())])],
    CFG % "limit_request_line 8200, limit_request_field_size 8210" +
    "An 8189-byte request-line and an 8204-byte field line are under the profile's default limits "
    "(16 KiB per line, 64 KiB per head), so the request is accepted; gunicorn accepts with its raised "
    "limits (its defaults, 4094 and 8190, would reject it)",
    src(p), "ok (with raised limits)")

p = V("025.http@56956b6")
add("valid-025-xfp", load(p), "ok",
    [msg(b"GET", b"/test", b"HTTP/1.0", [(b"Host", b"0.0.0.0:5000"), (b"User-Agent", b"ApacheBench/2.3"),
                                         (b"Accept", b"*/*"), (b"X-Forwarded-Protocol", b"ssl")])],
    "an older stored version of 025.http (a forwarded-scheme header, which is the application's "
    "business, not the codec's); a valid HTTP/1.0 request. The current 025.py (a gzip,chunked POST) "
    "matches a version of 025.http that is not stored",
    src(p, "the stored 025.py belongs to a newer, unstored version of this file"), "ok")

p = V("025.http@b28f00d")
add("valid-025-proxy", load(p), "error", [],
    "an older stored version of 025.http that starts with a PROXY protocol v1 line "
    "('PROXY TCP4 192.168.0.1 192.168.0.11 56324 443'). That line is not an HTTP request-line (six "
    "space-separated parts; RFC 9112 3 allows method SP target SP version), and the PROXY protocol is "
    "no part of HTTP/1.1, so the profile rejects the stream; gunicorn accepted it with proxy_protocol "
    "enabled (a non-default config)",
    src(p, "the stored 025.py belongs to a newer, unstored version of this file"),
    "ok (with proxy_protocol)", "a PROXY protocol line is not a request-line (RFC 9112 3); gunicorn accepts it only with proxy_protocol on")

p = V("025_line.http")
d = load(p)
add("valid-025-line", d, "error", [], NOHOST + "; the fixture tests 'Transfer-Encoding: gzip,chunked'",
    src(p), "ok", NOHOST_PEER)
add("valid-025-line-host", add_host(d, [b"POST /chunked HTTP/1.1"]), "ok",
    [msg(b"POST", b"/chunked", headers=[H, (b"Transfer-Encoding", b"gzip,chunked")],
         framing="chunked", body=b"hello world")],
    VARIANT_NOTE + "gzip then chunked: chunked is final and gzip is a registered coding, so the body is "
    "chunked (the decoder does not undo gzip; the body is passed on as sent)",
    src(p, variant="Host field added"))

p = V("025compat.http")
d = load(p)
add("valid-025compat", d, "error", [], NOHOST + "; the fixture tests Transfer-Encoding with 'Content-Length: -1'",
    src(p), "ok (2 requests, with tolerate_dangerous_framing)", NOHOST_PEER)
add("valid-025compat-host", add_host(d, [b"POST /chunked_cont_h_at_first HTTP/1.1", b"PUT /chunked_cont_h_at_last HTTP/1.1"]),
    "error",
    [msg(b"POST", b"/chunked_cont_h_at_first", headers=[H, (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"hello world")],
    VARIANT_NOTE + CFG % "tolerate_dangerous_framing" + "The first request is a valid chunked request "
    "with extensions. The second carries both Transfer-Encoding and Content-Length (and an invalid one, "
    "'-1'): an error in a request (RFC 9112 6.1: a server MAY reject, and the profile rejects; 6.3: "
    "an invalid Content-Length is unrecoverable). It also stops before its body ends. gunicorn "
    "accepts both requests only with tolerate_dangerous_framing",
    src(p, variant="Host field added"))

p = V("026.http@56956b6")
add("valid-026-https", load(p), "ok",
    [msg(b"GET", b"/test", b"HTTP/1.0", [(b"Host", b"0.0.0.0:5000"), (b"User-Agent", b"ApacheBench/2.3"),
                                         (b"Accept", b"*/*"), (b"HTTPS", b"on")])],
    "an older stored version of 026.http (an 'HTTPS: on' field); a valid HTTP/1.0 request",
    src(p, "the stored 026.py belongs to the other version of this file"), "ok")

p = V("026.http@7c58509")
add("valid-026", load(p), "ok",
    [msg(b"GET", b"/", b"HTTP/1.0", [(b"Someheader", B.encode())])],
    CFG % "limit_request_line 0, limit_request_field_size 8210" +
    "An 8204-byte field line is under the profile's default line limit (16 KiB), so the request is "
    "accepted; gunicorn accepts with its raised field-size limit (its default, 8190, would reject it)",
    src(p), "ok (with a raised limit)")

p = V("027.http")
add("valid-027", load(p), "either",
    [msg(b"GET", b"/\xc3\xa0%20k", b"HTTP/1.0")],
    "the target holds the UTF-8 bytes of 'a grave' (C3 A0): " + TARGET_80 + "; gunicorn accepts",
    src(p), "ok")

p = V("028.http")
d = load(p)
add("valid-028", d, "error", [],
    CFG % "strip_header_spaces" + "'Content-Length : 3' has whitespace between the field name and "
    "the colon: RFC 9112 5.1 says a server MUST reject it with 400, and the profile rejects; the request "
    "also lacks Host. gunicorn accepts it only with strip_header_spaces (its default answer is an "
    "error, see invalid/020.http); lenient reading converted with the strict expectation",
    src(p), "ok (with strip_header_spaces)", "whitespace before the colon: RFC 9112 5.1 MUST reject; gunicorn accepts with strip_header_spaces")
add("valid-028-host", add_host(d, [b"GET /stuff/here?foo=bar HTTP/1.1"]), "error", [],
    VARIANT_NOTE + "whitespace between a field name and the colon is an error (RFC 9112 5.1)",
    src(p, variant="Host field added"))

p = V("029.http")
d = load(p)
add("valid-029", d, "error", [],
    "'Transfer-Encoding: chunked' then 'Transfer-Encoding: identity': the list is 'chunked, identity', "
    "so chunked is not the final coding (an error in a request, RFC 9112 6.3 rule 4) and 'identity' is "
    "no longer a registered coding (the profile rejects it, 501); the request also lacks Host and its "
    "body stops after '000\\r\\n'. gunicorn's stored 029.py (an older version) expects it accepted",
    src(p), "ok (older .py)", "chunked not final and 'identity' unregistered: an error in a request (RFC 9112 6.3); gunicorn's stored 029.py accepts")
add("valid-029-host", add_host(d, [b"GET /stuff/here?foo=bar HTTP/1.1"]), "error", [],
    VARIANT_NOTE + "chunked is not the final coding, and 'identity' is not registered: error",
    src(p, variant="Host field added"))

p = V("030.http")
d = load(p)
add("valid-030", d, "error", [],
    "'Transfer-Encoding: identity' then 'Transfer-Encoding: chunked': chunked is final, but 'identity' "
    "is no longer a registered transfer coding (RFC 9110 and the IANA registry list it no more; the "
    "profile rejects any name outside chunked, gzip, x-gzip, deflate, compress, x-compress, 501); the "
    "request also lacks Host. gunicorn accepts and decodes 'hello'",
    src(p), "ok", "'identity' is not a registered transfer coding: the profile rejects it; gunicorn accepts")
add("valid-030-host", add_host(d, [b"GET /stuff/here?foo=bar HTTP/1.1"]), "error", [],
    VARIANT_NOTE + "'identity' is not a registered transfer coding (profile: error, 501)",
    src(p, variant="Host field added"))

p = V("031.http")
d = load(p)
add("valid-031", d, "error", [], NOHOST + "; the fixture tests the method '-BLARGH'",
    src(p), "ok", NOHOST_PEER)
add("valid-031-host", add_host(d, [b"-BLARGH /foo HTTP/1.1"]), "ok",
    [msg(b"-BLARGH", b"/foo", headers=[H])],
    VARIANT_NOTE + "'-BLARGH' is a token ('-' is a tchar, RFC 9110 5.6.2), so it is a valid method",
    src(p, variant="Host field added"))

p = V("031compat.http")
d = load(p)
assert d == load(V("031compat2.http"))
both = src(p) + "; the same bytes also in tests/requests/valid/031compat2.http (commit bb24bd2cc8a4), expectation in 031compat2.py"
add("valid-031compat", d, "error", [], NOHOST + "; the fixture tests the lower-case method '-blargh'",
    both, "ok (with permit_unconventional_http_method)", NOHOST_PEER)
add("valid-031compat-host", add_host(d, [b"-blargh /foo HTTP/1.1"]), "ok",
    [msg(b"-blargh", b"/foo", headers=[H])],
    VARIANT_NOTE + "'-blargh' is a token (RFC 9110 5.6.2; methods are case-sensitive, 9.1), a valid "
    "method; gunicorn needs permit_unconventional_http_method for it (031compat.py also casefolds it)",
    both + " (variant: Host field added)")

p = V("041.http")
add("valid-041", load(p), "either",
    [msg(b"GET", b"scheme+ext://user+ext:password!@[::1]:8000/path?query#frag",
         headers=[(b"Host", b"localhost"), (b"CONTENT-LENGTH", b"3")], framing="length", body=b"odd")],
    "absolute-form target with userinfo and a fragment: userinfo is deprecated in http(s) URIs and "
    "RFC 9110 4.2.4 says a recipient SHOULD treat it as an error, and " + FRAGMENT +
    "; so a decoder may reject it or pass it on. gunicorn accepts",
    src(p), "ok")

p = V("042.http")
d = load(p)
add("valid-042", d, "error", [], NOHOST + "; the fixture tests 'OPTIONS *'",
    src(p), "ok", NOHOST_PEER)
add("valid-042-host", add_host(d, [b"OPTIONS * HTTP/1.1"]), "ok",
    [msg(b"OPTIONS", b"*", headers=[H, (b"Content-Length", b"0")], framing="length")],
    VARIANT_NOTE + "asterisk-form with OPTIONS (RFC 9112 3.2.4), Content-Length 0",
    src(p, variant="Host field added"))

p = V("099.http")
d099 = load(p)
head099, body099 = d099.split(b"\r\n\r\n", 1)
assert len(body099) == 8599
add("valid-099", d099, "ok",
    [msg(b"POST", b"/test-form", headers=[
        (b"Host", b"0.0.0.0:5000"),
        (b"User-Agent", b"Mozilla/5.0 (Windows NT 6.2; WOW64; rv:25.0) Gecko/20100101 Firefox/25.0"),
        (b"Accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        (b"Accept-Language", b"en-us,en;q=0.7,el;q=0.3"), (b"Accept-Encoding", b"gzip, deflate"),
        (b"Cookie", b"csrftoken=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX; sessionid=YYYYYYYYYYYYYYYYYYYYYYYYYYYY"),
        (b"Connection", b"keep-alive"),
        (b"Content-Type", b"multipart/form-data; boundary=---------------------------320761477111544"),
        (b"Content-Length", b"8599")], framing="length", body=body099)],
    "a browser form POST with an 8599-byte multipart body framed by Content-Length; gunicorn accepts, "
    "same answer (its test also feeds the first byte alone to check the request-line limit)",
    src(p), "ok")

p = V("100.http")
d = load(p)
add("valid-100", d, "error", [], NOHOST + "; the fixture tests a target starting with '///'",
    src(p), "ok", NOHOST_PEER)
add("valid-100-host", add_host(d, [b"GET ///keeping_slashes HTTP/1.1"]), "ok",
    [msg(b"GET", b"///keeping_slashes", headers=[H])],
    VARIANT_NOTE + "'///keeping_slashes' is an absolute-path with empty segments (RFC 9110 4.1: "
    "absolute-path = 1*( \"/\" segment ), segment may be empty): origin-form, kept as sent",
    src(p, variant="Host field added"))

p = V("invalid_field_value_01_compat.http")
add("valid-invalid-field-value-01-compat", load(p), "error", [],
    CFG % "tolerate_dangerous_framing" + "A bare LF ends the line 'Newline: a' (and the second "
    "request-line); the profile requires CRLF and rejects a bare LF (RFC 9112 2.2 lets a recipient "
    "accept it, the profile does not). gunicorn, with tolerate_dangerous_framing, reads the value "
    "'a\\nContent-Length: 26' and one request; lenient reading converted with the strict expectation",
    src(p), "ok (with tolerate_dangerous_framing)", "bare LF inside the head: the profile rejects it; gunicorn accepts with tolerate_dangerous_framing")

p = V("nonascii_01.http")
d = load(p)
add("valid-nonascii-01", d, "error", [], NOHOST + "; the fixture tests UTF-8 bytes in the target and body",
    src(p), "ok", NOHOST_PEER)
add("valid-nonascii-01-host", add_host(d, ["PUT /ß/germans..?ö=ä HTTP/1.1".encode()]), "either",
    [msg(b"PUT", "/ß/germans..?ö=ä".encode(), headers=[H, (b"Unicode", b"awesome"), (b"Content-Length", b"6")],
         framing="length", body="ÄÖÜ".encode())],
    VARIANT_NOTE + "the target holds UTF-8 bytes: " + TARGET_80 + "; the 6-byte UTF-8 body is framed by "
    "Content-Length 6", src(p, variant="Host field added"))

p = V("nonascii_02.http")
d = load(p)
add("valid-nonascii-02", d, "error", [], NOHOST + "; the fixture tests UTF-8 bytes in the target and body",
    src(p), "ok", NOHOST_PEER)
add("valid-nonascii-02-host", add_host(d, ["PUT /ÿ/french..?é=è HTTP/1.1".encode()]), "either",
    [msg(b"PUT", "/ÿ/french..?é=è".encode(), headers=[H, (b"Unicode", b"awesome"), (b"Content-Length", b"6")],
         framing="length", body="ÀÁÂ".encode())],
    VARIANT_NOTE + "the target holds UTF-8 bytes: " + TARGET_80 + "; the 6-byte UTF-8 body is framed by "
    "Content-Length 6", src(p, variant="Host field added"))

p = V("obs_fold_whitespace.http")
add("valid-obs-fold-whitespace", load(p), "error", [],
    CFG % "permit_obsolete_folding" + "The line ' \\r\\n' (one SP) inside the head is obs-fold, which the "
    "profile rejects in a request (RFC 9112 5.2). gunicorn, with permit_obsolete_folding, reads "
    "'Connection: keep-alive ' and two requests; lenient reading converted with the strict expectation",
    src(p), "ok (2 requests, with permit_obsolete_folding)", "obs-fold in a request: the profile rejects (RFC 9112 5.2); gunicorn accepts with permit_obsolete_folding")

p = V("padding_01.http")
add("valid-padding-01", load(p), "ok",
    [msg(b"GET", b"/", headers=[(b"Host", b"localhost"), (b"Name", b"value")])],
    "OWS of SP and HTAB on both sides of a field value is not part of the value (RFC 9112 5): "
    "'Name: \\t value \\t ' reads 'value'; gunicorn answers the same", src(p), "ok")

p = V("pp_02.http")
add("valid-pp-02", load(p), "error", [],
    CFG % "proxy_protocol" + "The stream starts with a PROXY protocol v1 line, which is not an HTTP "
    "request-line (RFC 9112 3); the PROXY protocol is no part of HTTP/1.1 and has no option in the "
    "profile. gunicorn, with proxy_protocol on, strips it and reads two requests",
    src(p), "ok (2 requests, with proxy_protocol)", "a PROXY protocol v1 line is not a request-line; gunicorn accepts it with proxy_protocol on")

p = V("pp_03.http")
add("valid-pp-03", load(p), "ok",
    [msg(b"GET", b"/stuff/here?foo=bar", b"HTTP/1.0", SRV + [(b"Content-Length", b"14")], "length", NOM)],
    "the stored version of pp_03.http: a plain HTTP/1.0 request with no PROXY line (gunicorn's "
    "proxy_protocol must let such a request through); valid",
    src(p, "the stored pp_03.py (/no/proxy/header) belongs to a newer, unstored version of this file"), "ok")

p = V("pp_04.http")
add("valid-pp-04", load(p), "error", [],
    CFG % "proxy_protocol" + "The stream starts with a binary PROXY protocol v2 header "
    "('\\r\\n\\r\\n\\0\\r\\nQUIT\\n' then address bytes): two empty lines and then a NUL where a method "
    "should start; the profile skips at most one empty line before a request-line and a method is a "
    "token, so the stream is rejected. gunicorn, with proxy_protocol on, strips the header",
    src(p), "ok (with proxy_protocol)", "a PROXY protocol v2 header is not HTTP; gunicorn accepts it with proxy_protocol on")

p = V("pp_05.http")
add("valid-pp-05", load(p), "error", [],
    CFG % "proxy_protocol" + "a binary PROXY protocol v2 header (IPv6 addresses) before an HTTP/1.0 "
    "request: not HTTP (two empty lines, then a NUL), so the profile rejects the stream. gunicorn, with "
    "proxy_protocol on, strips the header",
    src(p), "ok (with proxy_protocol)", "a PROXY protocol v2 header is not HTTP; gunicorn accepts it with proxy_protocol on")

p = V("rfc9112_chunked_ext_quoted_01.http")
add("valid-rfc9112-chunked-ext-quoted-01", load(p), "ok",
    [msg(b"POST", b"/upload", headers=[H, (b"Transfer-Encoding", b"chunked")], framing="chunked", body=b"hello")],
    "chunk extension with a quoted-string value containing a space ('5;foo=\"bar baz\"'), RFC 9112 7.1.1; "
    "gunicorn accepts, same answer", src(p), "ok")

p = V("rfc9112_chunked_size_leading_zeros_01.http")
add("valid-rfc9112-chunked-size-leading-zeros-01", load(p), "ok",
    [msg(b"POST", b"/upload", headers=[H, (b"Transfer-Encoding", b"chunked")], framing="chunked", body=b"hello")],
    "chunk-size '0005' (1*HEXDIG; leading zeros are fine in the profile); gunicorn accepts, same answer",
    src(p), "ok")

p = V("rfc9112_chunked_size_uppercase_hex_01.http")
add("valid-rfc9112-chunked-size-uppercase-hex-01", load(p), "ok",
    [msg(b"POST", b"/upload", headers=[H, (b"Transfer-Encoding", b"chunked")], framing="chunked", body=b"0123456789")],
    "chunk-size 'A' (HEXDIG is case-insensitive, RFC 5234 2.3): 10 bytes; gunicorn accepts, same answer",
    src(p), "ok")

p = V("rfc9112_smuggle_gzip_chunked_01.http")
add("valid-rfc9112-smuggle-gzip-chunked-01", load(p), "ok",
    [msg(b"POST", b"/upload", headers=[H, (b"Transfer-Encoding", b"gzip, chunked")], framing="chunked", body=b"hello")],
    "'Transfer-Encoding: gzip, chunked': gzip is registered and chunked is final, so the body is chunked "
    "(RFC 9112 6.3 rule 4); the decoder does not undo gzip; gunicorn accepts, same answer",
    src(p), "ok")

p = V("rfc9112_smuggle_te_identity_chunked_01.http")
add("valid-rfc9112-smuggle-te-identity-chunked-01", load(p), "error", [],
    "'Transfer-Encoding: identity, chunked': chunked is final, but 'identity' was removed from the "
    "transfer coding registry (RFC 9112 7: chunked, compress, deflate, gzip, plus x-compress and "
    "x-gzip; RFC 7230 already dropped identity), and the profile rejects any other name in a request "
    "(501), because proxies disagree on it. gunicorn's fixture accepts it as a no-op coding",
    src(p), "ok", "'identity' is not a registered transfer coding: the profile rejects (501); gunicorn accepts it as a no-op")

p = V("rfc9112_target_absolute_01.http")
add("valid-rfc9112-target-absolute-01", load(p), "ok",
    [msg(b"GET", b"http://example.com/foo?q=1", headers=[H])],
    "absolute-form target (RFC 9112 3.2.2); gunicorn accepts, same answer", src(p), "ok")

p = V("rfc9112_target_absolute_https_01.http")
add("valid-rfc9112-target-absolute-https-01", load(p), "ok",
    [msg(b"GET", b"https://example.com/foo", headers=[H])],
    "absolute-form target with the https scheme (RFC 9112 3.2.2); gunicorn accepts, same answer",
    src(p), "ok")

p = V("rfc9112_target_absolute_ipv6_01.http")
add("valid-rfc9112-target-absolute-ipv6-01", load(p), "ok",
    [msg(b"GET", b"http://[::1]:8080/foo", headers=[(b"Host", b"[::1]:8080")])],
    "absolute-form with an IP-literal host, and 'Host: [::1]:8080' (IP-literal with a port is a valid "
    "uri-host [\":\" port], RFC 9110 7.2); gunicorn accepts, same answer", src(p), "ok")

p = V("rfc9112_target_absolute_userinfo_01.http")
add("valid-rfc9112-target-absolute-userinfo-01", load(p), "either",
    [msg(b"GET", b"http://user:pass@example.com:8080/foo?q=1", headers=[(b"Host", b"example.com:8080")])],
    "absolute-form with userinfo: the userinfo subcomponent is deprecated in http(s) URIs and RFC 9110 "
    "4.2.4 says a recipient SHOULD parse for it and treat its presence as an error; parsers that split "
    "at '@' differently route differently, and the profile does not name it, so a decoder may reject "
    "or pass it on (the project's smuggling corpus reads it the same way); gunicorn accepts",
    src(p), "ok")

p = V("rfc9112_target_asterisk_options_01.http")
add("valid-rfc9112-target-asterisk-options-01", load(p), "ok",
    [msg(b"OPTIONS", b"*", headers=[H])],
    "asterisk-form with OPTIONS (RFC 9112 3.2.4); gunicorn accepts, same answer", src(p), "ok")

p = V("rfc9112_target_authority_connect_01.http")
add("valid-rfc9112-target-authority-connect-01", load(p), "ok",
    [msg(b"CONNECT", b"example.com:443", headers=[(b"Host", b"example.com:443")], framing="upgrade")],
    "authority-form with CONNECT (RFC 9112 3.2.3): after the head the connection leaves HTTP/1 "
    "(framing 'upgrade', profile Framing rule 1); gunicorn's parser accepts the request-line",
    src(p), "ok")

p = V("rfc9112_target_authority_ipv6_01.http")
add("valid-rfc9112-target-authority-ipv6-01", load(p), "ok",
    [msg(b"CONNECT", b"[::1]:443", headers=[(b"Host", b"[::1]:443")], framing="upgrade")],
    "authority-form with an IP-literal host and CONNECT (RFC 9112 3.2.3; uri-host may be an IP-literal, "
    "RFC 3986 3.2.2): framing 'upgrade' after the head; gunicorn accepts the request-line",
    src(p), "ok")

# ===========================================================================
# invalid/  (gunicorn expects the exception named in the .py file)
# ===========================================================================


def E(slug, path, note, exc, pyfile=True, hostvariant=None, hostnote=None, host=b"example.com",
      vexpect="error", vmessages=(), differs=None):
    """an invalid/ fixture that the profile also rejects"""
    d = load(path)
    add(slug, d, "error", [], note, src(path, pyfile), "error (%s)" % exc if exc else "error", differs)
    if hostvariant:
        add(slug + "-host", add_host(d, hostvariant, host), vexpect, list(vmessages),
            VARIANT_NOTE + hostnote, src(path, pyfile, "Host field added"))


E("invalid-002", I("002.http"),
  "'GET HTTP/1.1': a request-line with two parts; RFC 9112 3 needs method SP request-target SP "
  "HTTP-version; gunicorn also rejects", "InvalidRequestLine")
E("invalid-003", I("003.http"),
  "'GET\\n/\\nHTTP/1.1': the parts of the request-line are separated by bare LFs: not SP, and a bare "
  "LF is a line end the profile rejects; gunicorn also rejects", "InvalidRequestMethod")
E("invalid-003b", I("003b.http"),
  "'bla:rgh' as method: ':' is not a tchar, so the method is not a token (RFC 9110 9.1, 5.6.2); "
  "gunicorn also rejects", None, pyfile=False)

p = I("003c.http")
d = load(p)
add("invalid-003c", d, "error", [],
    NOHOST + ". The fixture tests the method '-bl': it is a token ('-', 'b', 'l' are tchars; RFC 9110 "
    "9.1 method = token), so the method itself is valid; gunicorn rejects it (InvalidRequestMethod: "
    "by default it wants 3 to 20 upper-case letters), a local policy, not RFC 9112",
    src(p), "error (InvalidRequestMethod)")
add("invalid-003c-host", add_host(d, [b"-bl /foo HTTP/1.1"]), "ok",
    [msg(b"-bl", b"/foo", headers=[H])],
    VARIANT_NOTE + "'-bl' is a token, a valid method (RFC 9110 9.1, 5.6.2; methods are case-sensitive). "
    "gunicorn rejects it by local policy (InvalidRequestMethod)",
    src(p, variant="Host field added"))
DIFFERS.append(("gunicorn-invalid-003c-host", "'-bl' is a token and so a valid method (RFC 9110 9.1); gunicorn rejects it by local policy"))

E("invalid-004", I("004.http"),
  "'FTP/1.1' is not an HTTP-version (RFC 9112 2.3); gunicorn also rejects", "InvalidHTTPVersion")

p = I("006.http")
add("invalid-006", load(p), "ok",
    [msg(b"PUT", b"/q=" + X.encode(), b"HTTP/1.0")],
    CFG % "limit_request_line 4094" + "The request-line is 4110 bytes, under the profile's default "
    "line limit (16 KiB), so the profile accepts the request; gunicorn, with its limit set to 4094, "
    "raises LimitRequestLine. The profile's limits are configurable; with defaults this is valid",
    src(p), "error (LimitRequestLine, with limit_request_line 4094)",
    "a 4110-byte request-line is under the profile's default 16 KiB limit; gunicorn's test lowers its limit to 4094")

p = I("007.http")
add("invalid-007", load(p), "ok",
    [msg(b"PUT", b"/stuff/here?foo=bar", b"HTTP/1.0",
         SRV + [(b"Content-Length", b"14"), (b"Someheader", B.encode())], "length", NOM)],
    "an 8203-byte field line ('Someheader:' with an 8192-byte value and no space after the colon) is "
    "under the profile's default line limit (16 KiB) and the head under 64 KiB, so the request is "
    "valid; gunicorn's default limit_request_field_size (8190) rejects it (no 007.py is stored, "
    "LimitRequestHeaders is expected from the folder and the neighbouring fixtures)",
    src(p, False), "error (LimitRequestHeaders, presumably)",
    "an 8203-byte field line is under the profile's default 16 KiB line limit; gunicorn's default field limit is 8190")

p = I("008.http")
add("invalid-008", load(p), "ok",
    [msg(b"PUT", b"/stuff/here?foo=bar", b"HTTP/1.0",
         SRV + [(b"Someheader", (X + X[:4081]).encode()), (b"Someheader", X.encode())])],
    "two long field lines (8191 and 4110 bytes, 12.4 KiB of head): each under the profile's 16 KiB "
    "line limit and the head under 64 KiB, so the request is valid; gunicorn's default "
    "limit_request_field_size (8190) rejects the first (no 008.py is stored)",
    src(p, False), "error (LimitRequestHeaders, presumably)",
    "an 8191-byte field line is under the profile's default 16 KiB line limit; gunicorn's default field limit is 8190")

E("invalid-009", I("009.http"),
  "103 field lines: more than the profile's default limit of 100 field lines (an error of its own "
  "kind); gunicorn also rejects (limit_request_fields defaults to 100)", "LimitRequestHeaders")

p = I("010.http")
d = load(p)
add("invalid-010", d, "error", [],
    NOHOST + ". gunicorn's test sets limit_request_field_size 10 and expects LimitRequestHeaders for "
    "'Accept: */*'; with the profile's default limits that line is fine",
    src(p), "error (LimitRequestHeaders, with limit_request_field_size 10)")
add("invalid-010-host", add_host(d, [b"GET /test HTTP/1.1"]), "ok",
    [msg(b"GET", b"/test", headers=[H, (b"Accept", b"*/*")])],
    VARIANT_NOTE + CFG % "limit_request_field_size 10" + "With the profile's default limits a "
    "13-byte field line is valid; gunicorn rejects it only because its test lowers the limit",
    src(p, variant="Host field added"))
DIFFERS.append(("gunicorn-invalid-010-host", "valid under the profile's default limits; gunicorn's test lowers limit_request_field_size to 10"))

p = I("011.http")
add("invalid-011", load(p), "ok",
    [msg(b"GET", b"/test", headers=[
        (b"User-Agent", b"curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1"),
        (b"Host", b"0.0.0.0=5000"), (b"Accept", b"*/*")])],
    CFG % "limit_request_fields 2" + "Three field lines are far under the profile's default limit "
    "(100), so the request is valid (it is the same request as valid/002.http); gunicorn raises "
    "LimitRequestHeaders only because its test lowers the limit to 2",
    src(p), "error (LimitRequestHeaders, with limit_request_fields 2)",
    "3 field lines are under the profile's default limit of 100; gunicorn's test lowers its limit to 2")

E("invalid-013", I("013.http"),
  "'Accept:' followed by the obs-fold line ' */*': obs-fold in a request is an error in the profile "
  "(RFC 9112 5.2); the request also lacks Host. gunicorn's test expects LimitRequestHeaders (it sets "
  "limit_request_field_size 14), a different reason for the same rejection", "LimitRequestHeaders",
  hostvariant=[b"GET /test HTTP/1.1"], hostnote="obs-fold in a request is an error (RFC 9112 5.2)")
E("invalid-014", I("014.http"),
  "'CONTENT-LENGTH: -1': Content-Length is 1*DIGIT (RFC 9110 8.6), a sign makes it invalid, and an "
  "invalid Content-Length is an unrecoverable error (RFC 9112 6.3 rule 5); the stored 014.py "
  "(InvalidProxyLine with auto_proxy) belongs to a newer, unstored version of this file; gunicorn "
  "rejects this version too", None,
  pyfile="the stored 014.py belongs to a newer, unstored version of this file")
E("invalid-015", I("015.http@760ea53"),
  "'CONTENT-LENGTH: bla-bla-bla' is not 1*DIGIT: invalid Content-Length, an error (RFC 9112 6.3 rule 5); "
  "gunicorn also rejects", "InvalidHeader")
E("invalid-015-proxy", I("015.http@c5af5bb"),
  "an older stored version of 015.http: a PROXY protocol v1 line with bad ports; not an HTTP "
  "request-line at all (RFC 9112 3), and the stream ends after it; gunicorn rejected it "
  "(InvalidProxyLine, with proxy_protocol)", None,
  pyfile="the stored 015.py belongs to the other version of this file")

p = I("016.http@4b17f65")
d = load(p)
add("invalid-016", d, "error", [], NOHOST + "; the fixture tests the malformed target 's://]ufd/:'",
    src(p, "016.py is stored for this path (InvalidRequestLine)"), "error (InvalidRequestLine)")
add("invalid-016-host", add_host(d, [b"PUT s://]ufd/: HTTP/1.1"]), "either",
    [msg(b"PUT", b"s://]ufd/:", headers=[H])],
    VARIANT_NOTE + "(the authority ']ufd' of the target is not a valid host, so 'Host: example.com' is "
    "used.) 's://]ufd/:' has the shape of absolute-form ('scheme://...'), but its authority is not a "
    "valid host (']' only closes an IP-literal, RFC 3986 3.2.2), so it is not an absolute-URI and the "
    "request-line is invalid; RFC 9112 3 says a recipient SHOULD answer 400 or 301, and the profile's "
    "target rules name only whitespace/control/DEL bytes and the form per method, so a decoder may "
    "reject it or pass it on. gunicorn rejects it (InvalidRequestLine)",
    src(p, "016.py is stored for this path (InvalidRequestLine)", "Host field added"))

p = I("016.http@72c8be5")
d = load(p)
add("invalid-016-slashes", d, "error", [], NOHOST + "; this stored version of the fixture tests the target '///]ufd/:'",
    src(p, "016.py is stored for this path (InvalidRequestLine)"), "error (InvalidRequestLine)")
add("invalid-016-slashes-host", add_host(d, [b"PUT ///]ufd/: HTTP/1.1"]), "ok",
    [msg(b"PUT", b"///]ufd/:", headers=[H])],
    VARIANT_NOTE + "'///]ufd/:' starts with '/', so it is origin-form; ']' is not a pchar (RFC 3986), "
    "but it is a VCHAR and the profile's target rule bans only whitespace, control and DEL bytes (the "
    "project's other corpora keep '\"', '|', '`', '{' the same way), so the target is passed on as "
    "sent; gunicorn rejects it (InvalidRequestLine)",
    src(p, "016.py is stored for this path (InvalidRequestLine)", "Host field added"))
DIFFERS.append(("gunicorn-invalid-016-slashes-host", "origin-form target with ']': the profile bans only whitespace/control/DEL in a target; gunicorn rejects it"))

p = I("017.http")
d = load(p)
add("invalid-017", d, "error", [], NOHOST + "; the fixture tests an 8191-byte field line",
    src(p), "error (LimitRequestHeaders)")
add("invalid-017-host", add_host(d, [b"GET /test HTTP/1.1"]), "ok",
    [msg(b"GET", b"/test", headers=[H, (b"Long-header", ("0123456789" * 818)[:8176].encode())])],
    VARIANT_NOTE + "an 8189-byte field line is under the profile's default line limit (16 KiB), so "
    "the request is valid; gunicorn's default limit_request_field_size (8190) rejects it "
    "(LimitRequestHeaders)", src(p, variant="Host field added"))
DIFFERS.append(("gunicorn-invalid-017-host", "an 8189-byte field line is under the profile's default 16 KiB line limit; gunicorn's default field limit is 8190"))

E("invalid-018", I("018.http"),
  "'HTTP/111' is not HTTP-version (\"HTTP\" \"/\" DIGIT \".\" DIGIT, RFC 9112 2.3); gunicorn also rejects",
  "InvalidHTTPVersion")

p = I("019.http")
d = load(p)
add("invalid-019", d, "error", [],
    NOHOST + ". gunicorn's test (forwarded_allow_ips '*') rejects the contradicting "
    "X-Forwarded-Proto/X-Forwarded-Ssl pair, an application-level check",
    src(p), "error (InvalidSchemeHeaders, with forwarded_allow_ips *)")
add("invalid-019-host", add_host(d, [b"GET /test HTTP/1.1"]), "ok",
    [msg(b"GET", b"/test", headers=[H, (b"X-Forwarded-Proto", b"https"), (b"X-Forwarded-Ssl", b"off")])],
    VARIANT_NOTE + CFG % "forwarded_allow_ips *" + "Whether 'X-Forwarded-Proto: https' and "
    "'X-Forwarded-Ssl: off' contradict each other is for the application (gunicorn's "
    "InvalidSchemeHeaders), not for HTTP/1.1 syntax: the codec passes both fields on",
    src(p, variant="Host field added"))
DIFFERS.append(("gunicorn-invalid-019-host", "contradicting X-Forwarded-* fields are valid HTTP; gunicorn rejects them at the application level"))

E("invalid-020", I("020.http"),
  "'Content-Length : 3': whitespace between field name and colon, which a server MUST reject "
  "(RFC 9112 5.1); the request also lacks Host; gunicorn also rejects", "InvalidHeaderName",
  hostvariant=[b"GET /stuff/here?foo=bar HTTP/1.1"],
  hostnote="whitespace before the colon: MUST be rejected (RFC 9112 5.1)")
E("invalid-021", I("021.http"),
  "two Content-Length fields with different values (3 and 2): an unrecoverable error (RFC 9112 6.3 "
  "rule 5); the request also lacks Host; gunicorn also rejects", "InvalidHeader",
  hostvariant=[b"GET /stuff/here?foo=bar HTTP/1.1"],
  hostnote="differing Content-Length values: error (RFC 9112 6.3 rule 5)")
E("invalid-022", I("022.http"),
  "'Content-Length: -0': a sign is not 1*DIGIT (RFC 9110 8.6), invalid Content-Length, an error; the "
  "stored 022.py (UnsupportedTransferEncoding) belongs to another version of this file; gunicorn "
  "rejects this version too", None,
  pyfile="the stored 022.py belongs to another version of this file")
E("invalid-023", I("023.http"),
  "'Content-Length: 0_1' is not 1*DIGIT: invalid Content-Length, an error (RFC 9112 6.3 rule 5); "
  "gunicorn also rejects", None, pyfile=False)
E("invalid-024", I("024.http"),
  "'Content-Length: +1': a sign is not 1*DIGIT (RFC 9110 8.6): invalid, an error; gunicorn also "
  "rejects", None, pyfile=False)

p = I("040.http")
add("invalid-040", load(p), "either",
    [msg(b"GET", b"/keep/same/as?invalid/040", b"HTTP/1.0",
         [(b"Transfer_Encoding", b"tricked"), (b"Content-Length", b"7"), (b"Content_Length", b"-1E23")],
         "length", b"tricked")],
    CFG % "header_map refuse" + "'Transfer_Encoding' and 'Content_Length' are valid field names ('_' "
    "is a tchar, RFC 9110 5.6.2) and are not the framing fields, so only 'Content-Length: 7' frames "
    "the body 'tricked'; the CRLF after it follows an HTTP/1.0 request without keep-alive: " +
    TRAILING_AFTER_CLOSE + " (going on, a lone CRLF counts as between messages). gunicorn rejects "
    "underscore names only with header_map refuse (valid/040.py: its default drops them and accepts)",
    src(p), "error (InvalidHeaderName, with header_map refuse)",
    "'_' is a tchar, so the names are valid and are not framing fields; gunicorn refuses them only with header_map refuse")

p = I("041.http")
add("invalid-041", load(p), "ok",
    [msg(b"GET", b"/stuff/here?foo=bar", headers=[(b"Host", b"localhost"), (b"Content-Type", b"application/json"),
                                                  (b"Content-Type", b"text/html")])],
    "two Content-Type fields: a sender MUST NOT send a singleton field twice (RFC 9110 5.3), but "
    "Content-Type neither frames nor routes the message and the profile has no rule for it, so the "
    "codec passes both on and leaves the choice to the application; gunicorn rejects the duplicate "
    "(InvalidHeader). Another stored version of this file (fce908c) is the same request without Host",
    src(p), "error (InvalidHeader)",
    "a duplicate Content-Type does not affect framing or routing and the profile has no rule for it; gunicorn rejects it")

E("invalid-042", I("042.http"),
  "two Host fields: an error in the profile (RFC 9112 3.2: a server MUST answer 400 to a request "
  "with more than one Host field line); gunicorn also rejects", None, pyfile=False)

E("invalid-chunked-01", I("chunked_01.http"),
  "chunk-size '6_0': '_' is not a HEXDIG (RFC 9112 7.1), error; the request also lacks Host; gunicorn "
  "also rejects", "InvalidChunkSize",
  hostvariant=[b"POST /chunked_w_underscore_chunk_size HTTP/1.1", b"POST /after HTTP/1.1"],
  hostnote="chunk-size '6_0' is not 1*HEXDIG (RFC 9112 7.1): error")
E("invalid-chunked-02", I("chunked_02.http"),
  "Content-Length together with Transfer-Encoding (' \\tchunked', leading OWS) in a request: an "
  "error in the profile (RFC 9112 6.1: a server MAY reject such a message, and must close the "
  "connection after it otherwise); also no Host and the chunked body has no last chunk; gunicorn also "
  "rejects", "InvalidHeader",
  hostvariant=[b"POST /chunked_with_prefixed_value HTTP/1.1"],
  hostnote="Content-Length with Transfer-Encoding in a request: error (RFC 9112 6.1)")
E("invalid-chunked-03", I("chunked_03.http"),
  "'Transfer-Encoding: identity, chunked, identity, chunked': chunked applied twice and 'identity' "
  "unregistered: error (RFC 9112 6.1, 7); also no Host; gunicorn also rejects", "UnsupportedTransferCoding",
  hostvariant=[b"POST /double_chunked HTTP/1.1"],
  hostnote="chunked twice in one Transfer-Encoding list: error (RFC 9112 6.1)")
E("invalid-chunked-04", I("chunked_04.http"),
  "four Transfer-Encoding lines adding up to 'identity, chunked, identity, chunked': chunked twice "
  "and 'identity' unregistered: error; also no Host; gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"POST /chunked_twice HTTP/1.1"],
  hostnote="chunked twice across Transfer-Encoding lines: error (RFC 9112 6.1)")
E("invalid-chunked-05", I("chunked_05.http"),
  "Transfer-Encoding in an HTTP/1.0 request: an error in the profile (RFC 9112 6.1: a server that "
  "receives it in 1.0 MUST treat the framing as faulty); gunicorn also rejects", None, pyfile=False)
E("invalid-chunked-06", I("chunked_06.http"),
  "'chunked' then 'identity' on two Transfer-Encoding lines: chunked is not final (an error in a "
  "request, RFC 9112 6.3 rule 4) and 'identity' is unregistered; also no Host; gunicorn also rejects",
  "InvalidHeader", hostvariant=[b"POST /chunked_not_last HTTP/1.1"],
  hostnote="chunked not the final coding in a request: error (RFC 9112 6.3 rule 4)")

p = I("chunked_07.http")
d = load(p)
add("invalid-chunked-07", d, "error", [],
    NOHOST + ". The fixture tests 'Transfer_Encoding: gzip' next to 'Transfer-Encoding: chunked'",
    src(p), "error (InvalidHeaderName, with header_map refuse)")
add("invalid-chunked-07-host", add_host(d, [b"POST /chunked_ambiguous_header_mapping HTTP/1.1"]), "ok",
    [msg(b"POST", b"/chunked_ambiguous_header_mapping",
         headers=[H, (b"Transfer_Encoding", b"gzip"), (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"hello world")],
    VARIANT_NOTE + CFG % "header_map refuse" + "'Transfer_Encoding' is a valid field name ('_' is a "
    "tchar) and is not Transfer-Encoding, so only 'chunked' frames the body. The danger gunicorn "
    "guards against is a CGI/WSGI gateway mapping both names to HTTP_TRANSFER_ENCODING, which is "
    "outside HTTP/1.1; gunicorn rejects it with header_map refuse",
    src(p, variant="Host field added"))
DIFFERS.append(("gunicorn-invalid-chunked-07-host", "'Transfer_Encoding' is a valid, non-framing field name; gunicorn refuses it with header_map refuse"))

E("invalid-chunked-09", I("chunked_09.http"),
  "'0 ' (whitespace after the chunk size with no extension): an error in the profile (RFC 9112 "
  "7.1.1 allows BWS only before ';'); also no Host; gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"POST /chunked_ows_without_ext HTTP/1.1"],
  hostnote="whitespace after the chunk size with no extension: error")
E("invalid-chunked-10", I("chunked_10.http"),
  "' 0' (whitespace before the chunk size): chunk-size is 1*HEXDIG at the start of the line (RFC "
  "9112 7.1), error; also no Host; gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"POST /chunked_ows_before HTTP/1.1"],
  hostnote="whitespace before the chunk size: error (RFC 9112 7.1)")
E("invalid-chunked-11", I("chunked_11.http"),
  "'5\\n;\\r\\n': a bare LF right after the chunk size; the profile requires CRLF line ends; also no "
  "Host; gunicorn also rejects", "InvalidChunkSize",
  hostvariant=[b"POST /chunked_ows_before HTTP/1.1"],
  hostnote="a bare LF in the chunk-size line: error")
E("invalid-chunked-12", I("chunked_12.http"),
  "' ;foo=bar' (an extension with no chunk size): chunk-size is 1*HEXDIG (RFC 9112 7.1), error; also "
  "no Host; gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"POST /chunked_no_chunk_size_but_ext HTTP/1.1"],
  hostnote="no chunk size before the extension: error (RFC 9112 7.1)")
E("invalid-chunked-13", I("chunked_13.http"),
  "an empty chunk-size line: chunk-size is 1*HEXDIG (RFC 9112 7.1), error; also no Host; gunicorn "
  "also rejects", "InvalidChunkSize",
  hostvariant=[b"POST /chunked_no_chunk_size HTTP/1.1"],
  hostnote="empty chunk-size line: error (RFC 9112 7.1)")
E("invalid-chunked-14", I("chunked_14.http@6853b3a"),
  "'5;ext=val\\rue': a bare CR inside a chunk extension; the profile rejects a CR not followed by "
  "LF, and CR is not allowed in chunk-ext (RFC 9112 7.1.1); also no Host; gunicorn also rejects",
  "InvalidChunkExtension", hostvariant=[b"POST /chunked_bare_cr_in_extension HTTP/1.1"],
  hostnote="a bare CR inside a chunk extension: error")
E("invalid-chunked-14-lf", I("chunked_14.http@e151233"),
  "another stored version of chunked_14.http: '5;foo\\nbar', a bare LF inside a chunk extension; the "
  "profile requires CRLF and rejects a bare LF; also no Host; gunicorn also rejects",
  "InvalidChunkExtension", hostvariant=[b"POST /chunked_newline_in_chunk_ext HTTP/1.1"],
  hostnote="a bare LF inside a chunk extension: error")
E("invalid-chunked-whitespace", I("chunked_whitespace.http"),
  "'Transfer-Encoding: identity, \\x0bchunked': a vertical tab (a control byte) in a field value is an "
  "error in the profile (field-value holds VCHAR, SP, HTAB, obs-text; RFC 9110 5.5); gunicorn also "
  "rejects", "InvalidHeader")
E("invalid-invalid-field-value-01", I("invalid_field_value_01.http"),
  "'Newline: a' ends in a bare LF, and the 'request-line' after it too: the profile rejects a bare LF "
  "(RFC 9112 2.2 allows accepting it, the profile does not); also the head never ends; gunicorn also "
  "rejects", None, pyfile=False)

p = I("limit_header_default_01.http")
add("invalid-limit-header-default-01", load(p), "ok",
    [msg(b"GET", b"/", b"HTTP/1.0", [(b"X", b"y" * 8187)])],
    CFG % "limit_request_field_size 0 (its default maximum, 8190)" + "An 8190-byte field line (8192 "
    "with CRLF) is under the profile's default line limit (16 KiB), so the request is valid; "
    "gunicorn's default maximum rejects it (LimitRequestHeaders)",
    src(p), "error (LimitRequestHeaders)",
    "an 8190-byte field line is under the profile's default 16 KiB line limit; gunicorn's default limit is 8190 with CRLF")

p = I("limit_line_default_01.http")
d = load(p)
add("invalid-limit-line-default-01", d, "error", [],
    CFG % "limit_request_line 0 (its default maximum, 8190)" + "An 8191-byte request-line is under the "
    "profile's default line limit (16 KiB), but " + INCOMPLETE + "gunicorn rejects the request-line "
    "as too long (LimitRequestLine); the -end variant completes the head",
    src(p), "error (LimitRequestLine)")
add("invalid-limit-line-default-01-end", d + b"\r\n", "ok",
    [msg(b"GET", b"/" + b"x" * 8177, b"HTTP/1.0")],
    "variant of the gunicorn fixture with the final CRLF added, so only the line limit can reject it: "
    "an 8191-byte request-line (8193 with CRLF) is under the profile's default line limit (16 KiB), "
    "so the request is valid; gunicorn's default maximum (8190) rejects it (LimitRequestLine)",
    src(p, variant="empty line added after the request-line"))
DIFFERS.append(("gunicorn-invalid-limit-line-default-01-end", "an 8191-byte request-line is under the profile's default 16 KiB limit; gunicorn's default limit is 8190"))

p = I("method_01.http")
d = load(p)
add("invalid-method-01", d, "error", [],
    NOHOST + ". The fixture tests a CONNECT request with a Content-Length body",
    src(p, False), "error (presumably InvalidRequestMethod: gunicorn does not serve CONNECT)")
add("invalid-method-01-host", add_host(d, [b"CONNECT host:25 HTTP/1.1"], b"host:25"), "ok",
    [msg(b"CONNECT", b"host:25", headers=[(b"Host", b"host:25"), (b"Content-Length", b"3")], framing="upgrade")],
    VARIANT_NOTE + "CONNECT with an authority-form target ('host:25', port present) is a valid "
    "request: after its head the connection leaves HTTP/1 (framing 'upgrade'; a valid Content-Length "
    "on a CONNECT request is ignored, profile Framing rule 1), so 'BOO' belongs to the tunnel. "
    "gunicorn, which does not implement CONNECT, rejects the fixture",
    src(p, False, "Host field added"))
DIFFERS.append(("gunicorn-invalid-method-01-host", "a CONNECT request is valid HTTP/1.1 (framing upgrade, its Content-Length ignored); gunicorn rejects CONNECT"))

E("invalid-method-02", I("method_02.http"),
  "'CONNECT domain.example': a CONNECT target is authority-form with a port required (RFC 9112 "
  "3.2.3: authority-form = uri-host \":\" port); also no Host; gunicorn also rejects",
  "InvalidRequestMethod", hostvariant=[b"CONNECT domain.example HTTP/1.1"], host=b"domain.example",
  hostnote="CONNECT without a port in its target: error (RFC 9112 3.2.3)")
E("invalid-nonascii-01", I("nonascii_01.http"),
  "method 'GET' + byte 0xDF (the fixture's 'ß', one Latin-1 byte in gunicorn's reader): not a "
  "token (RFC 9110 9.1), error; gunicorn also rejects", None, pyfile=False)
E("invalid-nonascii-02", I("nonascii_02.http"),
  "method 'GET' + byte 0xFF: not a token, error; gunicorn also rejects", None, pyfile=False)
E("invalid-nonascii-03", I("nonascii_03.http"),
  "field name 'Content-Length' + byte 0xDF: a field name is a token (RFC 9110 5.1), error; also no "
  "Host; gunicorn also rejects", "InvalidHeaderName",
  hostvariant=[b"GET /germans.. HTTP/1.1"], hostnote="a byte 0xDF in a field name: error (RFC 9110 5.1)")
E("invalid-nonascii-04", I("nonascii_04.http"),
  "field name 'Content-Length' + byte 0xFF: not a token, error; also no Host; gunicorn also rejects",
  "InvalidHeaderName", hostvariant=[b"GET /french.. HTTP/1.1"],
  hostnote="a byte 0xFF in a field name: error (RFC 9110 5.1)")
E("invalid-nonascii-05", I("nonascii_05.http"),
  "a NUL byte in the request-target: the profile bans control bytes in a target; gunicorn also rejects",
  None, pyfile=False)
E("invalid-obs-fold-01", I("obs_fold_01.http"),
  "'Long: one' continued by ' two' (obs-fold): an error in a request in the profile (RFC 9112 5.2); "
  "gunicorn also rejects by default", "ObsoleteFolding")
E("invalid-pp-01", I("pp_01.http"),
  "a truncated PROXY protocol line ('PROXY TCP4 192.168.0.1 192.16...'): not an HTTP request-line "
  "(four space-separated parts, RFC 9112 3), and the stream ends after it; gunicorn (proxy_protocol "
  "on) also rejects", "InvalidProxyLine")
E("invalid-prefix-01", I("prefix_01.http"),
  "'GET\\0PROXY': a NUL in the method, not a token; gunicorn also rejects", "InvalidRequestMethod")
E("invalid-prefix-02", I("prefix_02.http"),
  "'GET\\0': a NUL in the method, not a token; gunicorn also rejects", None, pyfile=False)
E("invalid-prefix-03", I("prefix_03.http"),
  "'Content-Length: 0 1': not 1*DIGIT (a list must be comma-separated): invalid Content-Length, an "
  "error (RFC 9112 6.3 rule 5); also no Host; gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"GET /stuff/here?foo=bar HTTP/1.1"], hostnote="'Content-Length: 0 1' is invalid: error")
E("invalid-prefix-04", I("prefix_04.http"),
  "'Content-Length: 3 1': invalid Content-Length, an error (RFC 9112 6.3 rule 5); also no Host; "
  "gunicorn also rejects", None, pyfile=False,
  hostvariant=[b"GET /stuff/here?foo=bar HTTP/1.1"], hostnote="'Content-Length: 3 1' is invalid: error")
E("invalid-prefix-05", I("prefix_05.http"),
  "'GET:' as method: ':' is not a tchar; gunicorn also rejects", "InvalidRequestMethod")
E("invalid-prefix-06", I("prefix_06.http"),
  "'HTTP/111...1.1' (88 ones): not HTTP-version (one DIGIT before the dot, RFC 9112 2.3); gunicorn "
  "also rejects", "InvalidHTTPVersion")
E("invalid-rfc9110-field-value-ctl-bel-01", I("rfc9110_field_value_ctl_bel_01.http"),
  "a BEL (0x07) in a field value: control bytes other than HTAB are not allowed (RFC 9110 5.5); "
  "gunicorn also rejects", "InvalidHeader")
E("invalid-rfc9110-field-value-ctl-del-01", I("rfc9110_field_value_ctl_del_01.http"),
  "a DEL (0x7F) in a field value: DEL is a control byte, not a VCHAR (RFC 5234 B.1, RFC 9110 5.5), "
  "and the profile bans control bytes in a value; gunicorn also rejects", "InvalidHeader")
E("invalid-rfc9110-trailer-forbidden-cl-01", I("rfc9110_trailer_forbidden_cl_01.http"),
  "Content-Length as a trailer field: a trailer that frames the message is an error in the profile "
  "(RFC 9110 6.5.1 forbids such fields in trailers); gunicorn also rejects", "InvalidHeaderName")
E("invalid-rfc9110-trailer-forbidden-host-01", I("rfc9110_trailer_forbidden_host_01.http"),
  "Host as a trailer field: a trailer that routes the message is an error in the profile (RFC 9110 "
  "6.5.1); gunicorn also rejects", "InvalidHeaderName")
E("invalid-rfc9110-trailer-forbidden-te-01", I("rfc9110_trailer_forbidden_te_01.http"),
  "Transfer-Encoding as a trailer field: an error in the profile (RFC 9110 6.5.1); gunicorn also "
  "rejects", "InvalidHeaderName")
E("invalid-rfc9112-chunked-missing-final-crlf-01", I("rfc9112_chunked_missing_final_crlf_01.http"),
  "the last chunk '0\\r\\n' with no empty line after it: " + INCOMPLETE + "gunicorn also rejects "
  "(ChunkMissingTerminator)", "ChunkMissingTerminator")
E("invalid-rfc9112-chunked-size-minus-sign-01", I("rfc9112_chunked_size_minus_sign_01.http"),
  "chunk-size '-5': not 1*HEXDIG (RFC 9112 7.1); gunicorn also rejects", "InvalidChunkSize")
E("invalid-rfc9112-chunked-size-plus-sign-01", I("rfc9112_chunked_size_plus_sign_01.http"),
  "chunk-size '+5': not 1*HEXDIG (RFC 9112 7.1); gunicorn also rejects", None, pyfile=False)
E("invalid-rfc9112-smuggle-cl-te-chunked-01", I("rfc9112_smuggle_cl_te_chunked_01.http"),
  "Content-Length together with 'Transfer-Encoding: chunked' in a request: an error in the profile "
  "(RFC 9112 6.1 lets a server reject it; the CL.TE desync); gunicorn also rejects", "InvalidHeader")

p = I("rfc9112_target_asterisk_non_options_01.http")
add("invalid-rfc9112-target-asterisk-non-options-01", load(p), "either",
    [msg(b"GET", b"*", headers=[H])],
    "'GET *': asterisk-form is defined only for OPTIONS (RFC 9112 3.2.4), but the profile makes "
    "asterisk-form with another method `either` (SSDP's 'M-SEARCH *' is common); gunicorn's Python "
    "parser rejects it (InvalidRequestLine), one of the readings the profile allows",
    src(p), "error (InvalidRequestLine)")

E("invalid-rfc9112-target-authority-non-connect-01", I("rfc9112_target_authority_non_connect_01.http"),
  "'GET example.com:443': authority-form with a method other than CONNECT: a target-form mismatch, an "
  "error in the profile (RFC 9112 3.2.3); gunicorn also rejects", "InvalidRequestLine")
E("invalid-rfc9112-target-relative-01", I("rfc9112_target_relative_01.http"),
  "'GET foo/bar': a relative reference matches none of the four target forms (RFC 9112 3.2), error; "
  "gunicorn also rejects", "InvalidRequestLine")
E("invalid-version-01", I("version_01.http"),
  "'HTTP/0.99' is not HTTP-version (one DIGIT after the dot, RFC 9112 2.3); gunicorn also rejects",
  None, pyfile=False)
E("invalid-version-02", I("version_02.http"),
  "'HTTP/2.0' in an HTTP/1 request-line: the profile accepts only HTTP/1.0 and HTTP/1.1 (any other "
  "HTTP/x.y is an error); gunicorn also rejects", None, pyfile=False)
E("invalid-version-03", I("version_03.http"),
  "'HTTP/0.9': only HTTP/1.0 and HTTP/1.1 are accepted (HTTP/0.9 has no version in its request-line "
  "at all); gunicorn also rejects", None, pyfile=False)


# ---------------------------------------------------------------------------
def main():
    with open(OUT, "w") as fh:
        json.dump(cases, fh, indent=1, ensure_ascii=True)
        fh.write("\n")
    counts = {}
    for c in cases:
        counts[c["expect"]] = counts.get(c["expect"], 0) + 1
    print("%d cases -> %s %s" % (len(cases), OUT, counts))


if __name__ == "__main__":
    main()
