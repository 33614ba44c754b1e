/**
 * The survey pages' stylesheet, kept in code so the build ships it with the gateway and the
 * strict CSP (`style-src 'self'`) can forbid every other source. Colours meet WCAG 2.2 AA
 * contrast (text ≥ 4.5:1, borders and focus ≥ 3:1); sizes are in rem so 200% zoom reflows,
 * and the layout is one column that fits a 360 px screen. Every target is at least 44 px high.
 */
export const SURVEY_STYLESHEET = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .75rem}
h2{font-size:1.125rem;margin:0 0 .5rem}
p{margin:0 0 1rem}
.organisation{font-weight:700;color:#0b3d6b;margin-bottom:.25rem}
.reference{color:#3d3d3d}
fieldset{border:0;margin:1.5rem 0;padding:0;min-width:0}
legend{font-weight:700;font-size:1.125rem;margin-bottom:.5rem;padding:0}
.option{display:flex;align-items:center;gap:.75rem;min-height:2.75rem;padding:.25rem .75rem;border:1px solid #6b6b6b;border-radius:.375rem;margin-bottom:.5rem}
.option input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#0b4f8a}
.option label{flex:1;padding:.5rem 0;cursor:pointer}
.comment label{display:block;font-weight:700;margin-bottom:.25rem}
.hint{color:#3d3d3d;margin-bottom:.5rem}
textarea{display:block;width:100%;font:inherit;padding:.5rem;border:2px solid #6b6b6b;border-radius:.375rem;resize:vertical}
button{display:inline-block;margin-top:1.5rem;min-height:2.75rem;padding:.625rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:#0b4f8a;border:2px solid #0b4f8a;border-radius:.375rem;cursor:pointer}
button:hover{background:#083a66}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.option:focus-within{outline:3px solid #b35c00;outline-offset:2px}
.error-summary{border:3px solid #b00020;padding:1rem;margin:1rem 0}
.error-summary ul{margin:0;padding-left:1.25rem}
.field-error{color:#b00020;font-weight:700;margin:.25rem 0 .5rem}
textarea[aria-invalid="true"]{border-color:#b00020}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;
