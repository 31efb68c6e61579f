(function(){var b=document.getElementById('toggle-code');if(!b)return;
b.addEventListener('click',function(){var on=document.body.classList.toggle('show-code');
b.setAttribute('aria-pressed',on?'true':'false');b.textContent=on?'Ẩn mã nguồn':'Hiện mã nguồn';});})();
